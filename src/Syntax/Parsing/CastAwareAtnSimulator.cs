using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Dfa;

namespace BtLang.Syntax.Parsing.Generated;

/// <summary>
/// ANTLR's prediction with one decision settled by hand: at the start of an expression, `(` followed by what
/// <see cref="BtLangParser.IsCastAhead"/> calls a cast is a cast. ANTLR resolves `(int8)-3` (cast of `-3`, or `(int8)`
/// minus 3) to the lowest alternative without consulting the predicate of the left-recursive rule, so C's reading, which
/// bpftrace follows (a type name in the parentheses makes a cast), is restored here; `(x) - 1` stays a subtraction.
/// </summary>
internal sealed class CastAwareAtnSimulator : ParserATNSimulator
{
    private readonly BtLangParser parser;
    private readonly int castDecision;
    private readonly int castAlternative;

    public CastAwareAtnSimulator(BtLangParser parser, ATN atn, DFA[] decisionToDfa, PredictionContextCache cache)
        : base(parser, atn, decisionToDfa, cache)
    {
        this.parser = parser;
        (castDecision, castAlternative) = FindCastDecision(atn);
    }

    public override int AdaptivePredict(ITokenStream input, int decision, ParserRuleContext outerContext)
    {
        if (decision == castDecision && input.LA(1) == BtLangParser.LPAREN && parser.IsCastAhead())
        {
            return castAlternative;
        }

        return base.AdaptivePredict(input, decision, outerContext);
    }

    /// <summary>
    /// The decision in rule <c>expr</c> one of whose alternatives starts with the cast predicate, and that alternative's
    /// number; (-1, -1) if the grammar has none (then prediction is left alone).
    /// </summary>
    private static (int Decision, int Alternative) FindCastDecision(ATN atn)
    {
        for (int decision = 0; decision < atn.NumberOfDecisions; decision++)
        {
            var state = atn.GetDecisionState(decision);
            if (state.ruleIndex != BtLangParser.RULE_expr)
            {
                continue;
            }

            for (int alternative = 0; alternative < state.NumberOfTransitions; alternative++)
            {
                if (StartsWithCastPredicate(state.Transition(alternative).target))
                {
                    return (decision, alternative + 1);
                }
            }
        }

        return (-1, -1);
    }

    private static bool StartsWithCastPredicate(ATNState state)
    {
        // The predicate is the first thing of its alternative, at most a few epsilon steps in.
        for (int step = 0; step < 4 && state is not null; step++)
        {
            if (state.NumberOfTransitions != 1)
            {
                return false;
            }

            var transition = state.Transition(0);
            if (transition is PredicateTransition predicate)
            {
                return predicate.ruleIndex == BtLangParser.RULE_expr && predicate.predIndex == BtLangParser.CastPredicateIndex;
            }

            if (!transition.IsEpsilon)
            {
                return false;
            }

            state = transition.target;
        }

        return false;
    }
}
