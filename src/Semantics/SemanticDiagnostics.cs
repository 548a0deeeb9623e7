using BtLang.Diagnostics;

namespace BtLang.Semantics;

/// <summary>Semantic diagnostics (BT1xxx). Messages follow bpftrace's wording where bpftrace has one.</summary>
public static class SemanticDiagnostics
{
    public static readonly DiagnosticDescriptor UnknownFunction = Error("BT1001", "Unknown function", "Unknown function: '{0}'");
    public static readonly DiagnosticDescriptor UnknownIdentifier = Error("BT1002", "Unknown builtin or identifier", "Unknown identifier: '{0}'");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("BT1003", "Wrong number of arguments", "{0}() {1} ({2} provided)");
    public static readonly DiagnosticDescriptor UndefinedMap = Error("BT1004", "Map used but never assigned", "Undefined map: {0}");
    public static readonly DiagnosticDescriptor UndefinedVariable = Error("BT1005", "Variable used before assignment", "Undefined or undeclared variable: {0}");
    public static readonly DiagnosticDescriptor MapValueTypeMismatch = Error("BT1006", "Map value type mismatch", "Type mismatch for {0}: trying to assign value of type '{1}' when map already contains a value of type '{2}'");
    public static readonly DiagnosticDescriptor MapKeyTypeMismatch = Error("BT1007", "Map key type mismatch", "Argument mismatch for {0}: trying to access with arguments: '{1}' when map expects arguments: '{2}'");
    public static readonly DiagnosticDescriptor OperandTypeMismatch = Error("BT1008", "Operand type mismatch", "Type mismatch for '{0}': comparing '{1}' with '{2}'");
    public static readonly DiagnosticDescriptor BuiltinNotInProbe = Error("BT1009", "Builtin not available in this probe", "The {0} builtin can only be used with {1} probes");
    public static readonly DiagnosticDescriptor UnknownProvider = Error("BT1010", "Unknown probe provider", "Invalid probe type: {0}");
    public static readonly DiagnosticDescriptor InvalidAttachPoint = Error("BT1011", "Invalid attach point", "{0}");
    public static readonly DiagnosticDescriptor AggregationNotAssigned = Error("BT1012", "Aggregation used outside a map assignment", "{0}() should be directly assigned to a map");
    public static readonly DiagnosticDescriptor PrintfFormat = Error("BT1013", "printf format does not match its arguments", "{0}");
    public static readonly DiagnosticDescriptor UnsafeFunction = Error("BT1014", "Unsafe function without --unsafe", "{0}() is an unsafe function being used in safe mode");
    public static readonly DiagnosticDescriptor AggregateInExpression = Error("BT1015", "Aggregation map read in an expression", "Map {0} holds a {1} value, which cannot be used in an expression");
    public static readonly DiagnosticDescriptor ExpectedInteger = Error("BT1016", "Integer expected", "{0} expects an integer, got '{1}'");
    public static readonly DiagnosticDescriptor ExpectedString = Error("BT1017", "String expected", "{0} expects a string, got '{1}'");
    public static readonly DiagnosticDescriptor ExpectedLiteral = Error("BT1018", "Literal expected", "{0} expects a literal {1}");
    public static readonly DiagnosticDescriptor InvalidOperand = Error("BT1019", "Invalid operand type", "The {0} operator cannot be used on type '{1}'");
    public static readonly DiagnosticDescriptor VariableTypeMismatch = Error("BT1020", "Variable type mismatch", "Type mismatch for {0}: trying to assign value of type '{1}' when variable already contains a value of type '{2}'");
    public static readonly DiagnosticDescriptor UnknownField = Error("BT1021", "Unknown struct field", "{0} does not contain a field named '{1}'");
    public static readonly DiagnosticDescriptor NotAStruct = Error("BT1022", "Field access on a non-struct", "Can not access field '{0}' on type '{1}'");
    public static readonly DiagnosticDescriptor InvalidArgument = Error("BT1023", "Invalid argument", "{0}");
    public static readonly DiagnosticDescriptor UnrollBounds = Error("BT1024", "unroll count out of range", "unroll maximum value is 100 and minimum is 1 (got {0})");
    public static readonly DiagnosticDescriptor JumpOutsideLoop = Error("BT1025", "break/continue outside a loop", "'{0}' statement is not allowed outside of a loop");
    public static readonly DiagnosticDescriptor NotAssignable = Error("BT1026", "Not assignable", "The left-hand side of an assignment must be a map or a variable");
    public static readonly DiagnosticDescriptor UnknownType = Error("BT1027", "Unknown type", "Unknown type: '{0}'");
    public static readonly DiagnosticDescriptor UnknownTracepoint = Error("BT1028", "Unknown tracepoint", "{0}");
    public static readonly DiagnosticDescriptor InvalidConfig = Error("BT1029", "Invalid config setting", "{0}");
    public static readonly DiagnosticDescriptor PositionalOutOfRange = Error("BT1030", "Positional parameter not given", "Positional parameter {0} is not given (only {1} provided)");
    public static readonly DiagnosticDescriptor ExitInLoop = Error("BT1031", "exit() inside a loop", "exit() is not allowed inside a loop");
    public static readonly DiagnosticDescriptor Unsupported = Error("BT1032", "Not supported yet", "{0} is not supported yet");
    public static readonly DiagnosticDescriptor StringTooLong = Error("BT1033", "String longer than max_strlen", "String is too long: {0} bytes (max_strlen is {1})");
    public static readonly DiagnosticDescriptor DuplicateMapDeclaration = Error("BT1034", "Map declared twice", "Map {0} is already declared");
    public static readonly DiagnosticDescriptor MacroError = Error("BT1035", "Macro use error", "{0}");
    public static readonly DiagnosticDescriptor StrContainsTooLarge = Error("BT1050", "strcontains() search too large to verify", "strcontains() searching a string[{0}] for a string[{1}] needs more loop steps than the BPF verifier accepts");
    public static readonly DiagnosticDescriptor AddressOfInvalid = Error("BT1051", "Address of a value that has none", "Cannot take the address of {0}");
    public static readonly DiagnosticDescriptor ImportNotSupported = Error("BT1052", "import of this kind is not supported", "{0}");
    public static readonly DiagnosticDescriptor ImportNotFound = Error("BT1053", "Imported file not found", "{0}");
    public static readonly DiagnosticDescriptor CImportFailed = Error("BT1055", "Imported BPF C file cannot be used", "import \"{0}\": {1}");
    public static readonly DiagnosticDescriptor ExternArgumentCount = Error("BT1056", "Wrong number of arguments to an imported C function", "{0}() of {1} takes {2} argument(s), got {3}");
    public static readonly DiagnosticDescriptor ExternArgumentType = Error("BT1057", "Argument of an imported C function is not an integer", "argument {0} of {1}() must be an integer ({2}), got {3}");
    public static readonly DiagnosticDescriptor ImportedConfig = Error("BT1054", "config block in an imported script", "invalid `config` within import: config blocks cannot be merged; set it in the main script");

    public static readonly DiagnosticDescriptor ForNotIterable = Error("BT1060", "for over something that is not a map or a range", "Loop expression must be a map or a range, e.g. for ($kv : @map) or for ($i : 0..10)");
    public static readonly DiagnosticDescriptor ForMapValueType = Error("BT1061", "for over a map whose values cannot be iterated", "Loop expression does not support type: {0}");
    public static readonly DiagnosticDescriptor ForShadowsVariable = Error("BT1062", "Loop variable shadows a variable", "Loop declaration shadows existing variable: {0}");
    public static readonly DiagnosticDescriptor LenOfScalarMap = Error("BT1063", "len() of a scalar map", "call to len() expects a map with explicit keys (non-scalar map): {0} has none");
    public static readonly DiagnosticDescriptor TSeriesLiteral = Error("BT1064", "tseries() argument is not a non-negative literal", "tseries: invalid {0} value (must be non-negative literal)");
    public static readonly DiagnosticDescriptor TSeriesInterval = Error("BT1065", "tseries() interval out of range", "tseries() interval_ns must be >= 1 ({0} provided)");
    public static readonly DiagnosticDescriptor TSeriesIntervalCount = Error("BT1066", "tseries() interval count out of range", "tseries() num_intervals must be {0} ({1} provided)");
    public static readonly DiagnosticDescriptor TSeriesAggregation = Error("BT1067", "tseries() aggregation unknown", "tseries() expects one of the following aggregation functions: avg, max, min, sum (\"{0}\" provided)");
    public static readonly DiagnosticDescriptor UnstableFeatureDisabled = Error("BT1068", "Unstable feature disabled by config", "{0} feature is not enabled by default. To enable this unstable feature, set the config flag to enable. unstable_{1}=enable");

    public static readonly DiagnosticDescriptor UnstableFeatureUsed = Warning("BT1560", "Unstable feature used", "Script is using an unstable feature: {0}. To prevent this warning you must explicitly enable it in the config e.g. unstable_{1}=enable");
    public static readonly DiagnosticDescriptor UnusedValue = Warning("BT1501", "Value not used", "Return value discarded for {0}()");
    public static readonly DiagnosticDescriptor MapNeverRead = Warning("BT1502", "Map assigned but never read or printed", "Map {0} is assigned but never used");
    public static readonly DiagnosticDescriptor VariableNeverUsed = Warning("BT1503", "Variable assigned but never used", "Variable {0} is assigned but never used");
    public static readonly DiagnosticDescriptor WildcardMatchesNothing = Warning("BT1504", "Wildcard matches nothing", "{0} matches no probe");
    public static readonly DiagnosticDescriptor ProbeScopedVariable = Warning("BT1505", "Variable read outside the block that assigns it (probe scope, as in bpftrace 0.20 and older)", "Variable {0} is used outside the block it is assigned in; it gets probe scope, as in bpftrace 0.20 and older (today's bpftrace rejects this)");

    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, DiagnosticSeverity.Error, title, format);

    private static DiagnosticDescriptor Warning(string id, string title, string format) => new(id, DiagnosticSeverity.Warning, title, format);
}
