grammar BtLang;
program : probe* EOF ;
probe : IDENT '{' '}' ;
IDENT : [a-zA-Z_][a-zA-Z0-9_]* ;
WS : [ \t\r\n]+ -> channel(HIDDEN) ;
