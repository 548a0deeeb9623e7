// BtLang parser: the shape of today's bpftrace language (0.26) plus older spellings.
//
// Simple statements end with `;`. The `;` of the last statement of a block may be left out (as in bpftrace): the
// error strategy (src/Syntax/Parsing/SyntaxErrorStrategy.cs) then supplies it silently when it sees `}`, and the
// tree has no semicolon token there. Keeping `;` in the grammar keeps prediction linear (`a + b` can never be two
// statements). Block expressions are only allowed as a whole assigned value, so `{` after an expression always
// starts a block.
parser grammar BtLangParser;

options { tokenVocab = BtLangLexer; }

program : member* EOF ;

member
    : PREPROCESSOR                                                  # preprocessorMember
    | cDefinition                                                   # cDefinitionMember
    | CONFIG ASSIGN LBRACE configSetting* RBRACE                    # configMember
    | LET MAP ASSIGN init=expr SEMI                                 # mapDeclarationMember
    | MACRO IDENT LPAREN (macroParameter (COMMA macroParameter)*)? RPAREN body=block # macroMember
    | IMPORT STRING SEMI?                                           # importMember
    | probe                                                         # probeMember
    ;

cDefinition : (STRUCT | UNION | ENUM | TYPEDEF) ~(SEMI | LBRACE | RBRACE)* cBraces? ~(SEMI | LBRACE | RBRACE)* SEMI ;
cBraces : LBRACE (cBraces | ~(LBRACE | RBRACE))* RBRACE ;

configSetting : IDENT ASSIGN value=expr SEMI? ;

macroParameter : VARIABLE | MAP | IDENT ;

probe : attachPoint (COMMA attachPoint)* predicate? body=block ;

attachPoint : ATTACH_PART (COLON ATTACH_PART?)* | COLON ATTACH_PART? (COLON ATTACH_PART?)* ;

predicate : SLASH cond=expr PRED_END ;

block : LBRACE statement* RBRACE ;

statement
    : SEMI                                                          # emptyStmt
    | IF cond=expr body=block (ELSE (elseIf=ifStatement | elseBlock=block))? # ifStmt
    | UNROLL LPAREN count=expr RPAREN body=block                    # unrollStmt
    | WHILE LPAREN cond=expr RPAREN body=block                      # whileStmt
    | FOR LPAREN VARIABLE COLON iter=expr (DOTDOT rangeEnd=expr)? RPAREN body=block # forStmt
    | BREAK SEMI                                                    # breakStmt
    | CONTINUE SEMI                                                 # continueStmt
    | RETURN value=expr? SEMI                                       # returnStmt
    | LET VARIABLE (COLON declType=type)? (ASSIGN init=assignedValue)? SEMI # letStmt
    | block                                                         # blockStmt
    | target=expr (assignOperator value=assignedValue)? SEMI        # expressionStmt
    ;

// `else if`: a separate rule so the converter can tell it apart.
ifStatement : IF cond=expr body=block (ELSE (elseIf=ifStatement | elseBlock=block))? ;

assignOperator
    : ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
    | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN | LSHIFT_ASSIGN | RSHIFT_ASSIGN
    ;

assignedValue : blockExpression | expr ;

blockExpression : LBRACE statement* RBRACE ;

expr
    : primary                                                       # primaryExpr
    | operand=expr op=(INC | DEC)                                   # postfixExpr
    | target=expr LBRACKET index=expr RBRACKET                      # elementAccessExpr
    | target=expr op=(DOT | ARROW) name=(IDENT | INT)               # memberAccessExpr
    | { IsCastAhead() }? LPAREN castType=type RPAREN operand=expr   # castExpr
    | op=(INC | DEC | BANG | TILDE | MINUS | PLUS | STAR | AMP) operand=expr # prefixExpr
    | left=expr op=(STAR | SLASH | PERCENT) right=expr               # binaryExpr
    | left=expr op=(PLUS | MINUS) right=expr                         # binaryExpr
    | left=expr op=(LSHIFT | RSHIFT) right=expr                      # binaryExpr
    | left=expr op=(LT | LE | GT | GE) right=expr                    # binaryExpr
    | left=expr op=(EQ | NE) right=expr                              # binaryExpr
    | left=expr op=AMP right=expr                                    # binaryExpr
    | left=expr op=CARET right=expr                                  # binaryExpr
    | left=expr op=BAR right=expr                                    # binaryExpr
    | left=expr op=ANDAND right=expr                                 # binaryExpr
    | left=expr op=OROR right=expr                                   # binaryExpr
    | <assoc = right> cond=expr QUESTION whenTrue=expr? COLON whenFalse=expr # conditionalExpr
    ;

primary
    : INT                                                           # intLiteral
    | STRING                                                        # stringLiteral
    | TRUE                                                          # trueLiteral
    | FALSE                                                         # falseLiteral
    | MAP (LBRACKET (expr (COMMA expr)*)? RBRACKET)?                # mapPrimary
    | VARIABLE                                                      # variablePrimary
    | POSITIONAL                                                    # positionalPrimary
    | IDENT LPAREN (expr (COMMA expr)*)? RPAREN                     # callPrimary
    | IDENT                                                         # identifierPrimary
    | SIZEOF LPAREN ({ IsTypeAhead() }? sizeType=type | sizeExpr=expr) RPAREN                            # sizeofPrimary
    | OFFSETOF LPAREN offType=type COMMA IDENT (DOT IDENT)* RPAREN  # offsetofPrimary
    | LPAREN IDENT ASSIGN expr (COMMA IDENT ASSIGN expr)* COMMA? RPAREN # recordPrimary
    | LPAREN expr (COMMA (expr (COMMA expr)* COMMA?)?)? RPAREN      # parenOrTuplePrimary
    ;

// `uint32`, `struct task_struct *`, `int8[8]`, `struct Foo *[2]`.
type : tag=(STRUCT | UNION | ENUM)? IDENT typeSuffix* ;
typeSuffix : STAR | LBRACKET INT? RBRACKET ;
