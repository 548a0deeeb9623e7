// BtLang lexer: today's bpftrace language plus older spellings.
//
// Attach points need their own lexical rules: `uprobe:/bin/bash:readline` contains `/` and `.`, while a predicate
// `/pid == 1/` starts with `/`. The lexer therefore has an ATTACH mode, entered by BtLangLexer.NextToken (see
// src/Syntax/Parsing/BtLangLexer.cs) at the start of a top-level member that is not a keyword (config, let, macro,
// import, struct, union, enum, typedef), and left at `{`, at a `/` preceded by whitespace (a predicate), or at any
// character that cannot be part of an attach point. The same C# code retypes the closing `/` of a predicate to
// PRED_END and contextual keywords (config, macro, import, typedef) at the start of a member.
lexer grammar BtLangLexer;

tokens { PRED_END, CONFIG, MACRO, IMPORT, TYPEDEF }

// ---- trivia ----
SHEBANG         : '#!' ~[\r\n]* { TokenStartCharIndex == 0 }? -> channel(HIDDEN) ;
PREPROCESSOR    : '#' ( ~[\r\n\\] | '\\' '\r'? '\n' | '\\' )* ;
WS              : [ \t\f\u000B]+ -> channel(HIDDEN) ;
NEWLINE         : ( '\r'? '\n' | '\r' ) -> channel(HIDDEN) ;
LINE_COMMENT    : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT   : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> channel(HIDDEN) ;

// ---- keywords ----
IF       : 'if' ;
ELSE     : 'else' ;
UNROLL   : 'unroll' ;
WHILE    : 'while' ;
FOR      : 'for' ;
BREAK    : 'break' ;
CONTINUE : 'continue' ;
RETURN   : 'return' ;
LET      : 'let' ;
SIZEOF   : 'sizeof' ;
OFFSETOF : 'offsetof' ;
STRUCT   : 'struct' ;
UNION    : 'union' ;
ENUM     : 'enum' ;
TRUE     : 'true' ;
FALSE    : 'false' ;

// ---- names and literals ----
IDENT      : [a-zA-Z_] [a-zA-Z_0-9]* ;
MAP        : '@' [a-zA-Z_0-9]* ;
POSITIONAL : '$' ( [0-9]+ | '#' ) ;
VARIABLE   : '$' [a-zA-Z_] [a-zA-Z_0-9]* ;
// Every spelling bpftrace accepts (`0x1f`, `017`, `1_000`, `2e3`, `10UL`, `10ms`) and some it does not: the
// converter validates the text and computes the value.
INT        : [0-9] [a-zA-Z_0-9]* ;
// An unterminated string (no closing quote before the end of the line) is still a STRING token; the converter
// reports it.
STRING     : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* ( '"' | '\\' )? ;

// ---- punctuation and operators (longest first where prefixes overlap) ----
LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
SEMI     : ';' ;
COMMA    : ',' ;
DOTDOT   : '..' ;
DOT      : '.' ;
ARROW    : '->' ;
QUESTION : '?' ;
COLON    : ':' ;

LSHIFT_ASSIGN : '<<=' ;
RSHIFT_ASSIGN : '>>=' ;
PLUS_ASSIGN   : '+=' ;
MINUS_ASSIGN  : '-=' ;
STAR_ASSIGN   : '*=' ;
DIV_ASSIGN    : '/=' ;
MOD_ASSIGN    : '%=' ;
AND_ASSIGN    : '&=' ;
OR_ASSIGN     : '|=' ;
XOR_ASSIGN    : '^=' ;

INC      : '++' ;
DEC      : '--' ;
ANDAND   : '&&' ;
OROR     : '||' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LSHIFT   : '<<' ;
RSHIFT   : '>>' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
AMP      : '&' ;
BAR      : '|' ;
CARET    : '^' ;
TILDE    : '~' ;
BANG     : '!' ;

// Anything else: the parser reports it and the tree keeps it as skipped text.
ERROR_CHAR : . ;

// ---- attach points ----
mode ATTACH;

AP_WS            : [ \t\f\u000B]+ -> type(WS), channel(HIDDEN) ;
AP_NEWLINE       : ( '\r'? '\n' | '\r' ) -> type(NEWLINE), channel(HIDDEN) ;
AP_LINE_COMMENT  : '//' ~[\r\n]* -> type(LINE_COMMENT), channel(HIDDEN) ;
AP_BLOCK_COMMENT : '/*' .*? '*/' -> type(BLOCK_COMMENT), channel(HIDDEN) ;
AP_UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> type(UNTERMINATED_BLOCK_COMMENT), channel(HIDDEN) ;

// One part between colons: a provider, a path, a function with `+offset`, a number, a wildcard pattern with `*`,
// `?`, `[Ss]` or `{a,b}`, or a quoted string (`"NS::f"`, `"x.apk!/lib.so"`).
ATTACH_PART : ( AP_CHAR | AP_QUOTED | AP_ALTERNATION )+ ;
AP_COLON    : ':' -> type(COLON) ;
AP_COMMA    : ',' -> type(COMMA) ;
AP_LBRACE   : '{' -> type(LBRACE), mode(DEFAULT_MODE) ;
AP_RBRACE   : '}' -> type(RBRACE), mode(DEFAULT_MODE) ;
AP_SEMI     : ';' -> type(SEMI), mode(DEFAULT_MODE) ;
AP_OTHER    : . -> type(ERROR_CHAR), mode(DEFAULT_MODE) ;

fragment AP_CHAR        : [a-zA-Z0-9_\-./*?+@!~%&$[\]] ;
fragment AP_QUOTED      : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
fragment AP_ALTERNATION : '{' AP_ALT_CHAR* ',' ( AP_ALT_CHAR | ',' )* '}' ;
fragment AP_ALT_CHAR    : [a-zA-Z0-9_\-./*?+@!~%&$[\]] ;
