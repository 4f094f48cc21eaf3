/*
 * The Kusto Query Language as the emulator reads it, written from Microsoft's KQL reference (the "Kusto query
 * documentation": query statements, tabular operators, scalar operators and literals). The grammar accepts the
 * language; which operators and functions the engine runs is decided later, by the resolver, so valid KQL that the
 * emulator does not implement is a NotSupportedByEmulator answer and never a syntax error.
 *
 * Tables and scalars share one expression syntax (a table name is an identifier, a function call may return a
 * table); the resolver decides what a name is, as the service does.
 */
grammar Kql;

@parser::members {
    /** Operator parameters such as kind=inner, withsource=T, hint.strategy=shuffle: named, so that
     *  "summarize total = sum(x)" is never read as a parameter "total = sum". */
    static final java.util.Set<String> PARAMETER_NAMES = java.util.Set.of("kind", "withsource", "isfuzzy",
        "bagexpansion", "with_itemindex", "flags", "decodeblocks", "with_source", "granny", "nulls");

    boolean parameterAhead() {
        Token t = _input.LT(1);
        Token next = _input.LT(2);
        return PARAMETER_NAMES.contains(t.getText()) || t.getText().equals("hint") && next.getType() == DOT;
    }
}

query
    : SEMI* statement (SEMI+ statement)* SEMI* EOF
    ;

statement
    : LET name ASSIGN letValue                                                  # letStatement
    | SET name (ASSIGN setValue)?                                               # setStatement
    | DECLARE QUERY_PARAMETERS LPAREN parameter (COMMA parameter)* RPAREN       # declareStatement
    | ALIAS DATABASE name ASSIGN expression                                     # aliasStatement
    | pipeline                                                                  # queryStatement
    ;

setValue
    : literal
    | name (DOT name)*
    ;

letValue
    : LPAREN (parameter (COMMA parameter)*)? RPAREN LBRACE functionBody RBRACE  # letFunction
    | pipeline                                                                  # letExpression
    ;

functionBody
    : SEMI* (statement SEMI+)* statement SEMI*
    ;

parameter
    : name COLON parameterType (ASSIGN expression)?
    ;

parameterType
    : typeName
    | LPAREN (STAR | columnDeclaration (COMMA columnDeclaration)*) (COMMA STAR)? RPAREN
    ;

columnDeclaration
    : name COLON typeName
    ;

typeName
    : name
    ;

pipeline
    : source (PIPE tabularOperator)*
    ;

source
    : PRINT namedExpressions                                                    # printSource
    | RANGE name FROM expression TO expression STEP expression                  # rangeSource
    | DATATABLE operatorParameter* LPAREN columnDeclaration (COMMA columnDeclaration)* RPAREN
        (LBRACK (expression (COMMA expression)*)? COMMA? RBRACK | BRACKETED)    # datatableSource
    | UNION operatorParameter* unionItem (COMMA unionItem)*                     # unionSource
    | SEARCH operatorParameter* (IN LPAREN unionItem (COMMA unionItem)* RPAREN)? expression # searchSource
    | FIND .*?                                                                  # findSource
    | EVALUATE operatorParameter* name LPAREN arguments? RPAREN                 # evaluateSource
    | EXTERNALDATA .*?                                                          # externalDataSource
    | expression                                                                # expressionSource
    ;

unionItem
    : name? STAR (name STAR?)*                                                  # wildcardUnionItem
    | expression                                                                # expressionUnionItem
    ;

tabularOperator
    : (WHERE | FILTER) operatorParameter* expression                            # whereOperator
    | PROJECT namedExpressions                                                  # projectOperator
    | PROJECT_AWAY columnPattern (COMMA columnPattern)*                         # projectAwayOperator
    | PROJECT_KEEP columnPattern (COMMA columnPattern)*                         # projectKeepOperator
    | PROJECT_RENAME name ASSIGN name (COMMA name ASSIGN name)*                 # projectRenameOperator
    | PROJECT_REORDER reorderItem (COMMA reorderItem)*                          # projectReorderOperator
    | EXTEND namedExpressions                                                   # extendOperator
    | SUMMARIZE operatorParameter* namedExpressions? (BY namedExpressions)?     # summarizeOperator
    | (SORT | ORDER) operatorParameter* BY sortKey (COMMA sortKey)*             # sortOperator
    | TOP expression BY sortKey                                                 # topOperator
    | (TAKE | LIMIT) operatorParameter* expression                              # takeOperator
    | COUNT                                                                     # countOperator
    | DISTINCT operatorParameter* (STAR | namedExpressions)                     # distinctOperator
    | RENDER name (WITH LPAREN renderProperty (COMMA renderProperty)* RPAREN)?  # renderOperator
    | JOIN operatorParameter* joinRight (ON joinCondition (COMMA joinCondition)*)? # joinOperator
    | LOOKUP operatorParameter* joinRight ON joinCondition (COMMA joinCondition)* # lookupOperator
    | UNION operatorParameter* unionItem (COMMA unionItem)*                     # unionOperator
    | MV_EXPAND operatorParameter* mvExpandItem (COMMA mvExpandItem)* (LIMIT expression)? # mvExpandOperator
    | MV_APPLY operatorParameter* mvExpandItem (COMMA mvExpandItem)* (LIMIT expression)?
        (ID_COLUMN ASSIGN name)? ON LPAREN pipelineTail RPAREN                  # mvApplyOperator
    | (PARSE | PARSE_WHERE) operatorParameter* expression WITH parsePart+       # parseOperator
    | MAKE_SERIES operatorParameter* makeSeriesItem (COMMA makeSeriesItem)* ON expression
        (FROM expression)? (TO expression)? STEP expression (BY namedExpressions)? # makeSeriesOperator
    | SERIALIZE namedExpressions?                                               # serializeOperator
    | AS operatorParameter* name                                                # asOperator
    | SEARCH operatorParameter* expression                                      # searchOperator
    | SAMPLE expression                                                         # sampleOperator
    | SAMPLE_DISTINCT expression OF expression                                  # sampleDistinctOperator
    | GETSCHEMA                                                                 # getschemaOperator
    | EVALUATE operatorParameter* name LPAREN arguments? RPAREN
        (COLON LPAREN (STAR | columnDeclaration) (COMMA (STAR | columnDeclaration))* RPAREN)? # evaluateOperator
    | TOP_NESTED topNestedLevel (COMMA TOP_NESTED topNestedLevel)*              # topNestedOperator
    | INVOKE name LPAREN arguments? RPAREN                                      # invokeOperator
    | otherOperatorKeyword .*?                                                  # otherOperator
    ;

otherOperatorKeyword
    : FACET | FORK | PARTITION | SCAN | TOP_HITTERS | REDUCE | CONSUME | PARSE_KV | MAKE_GRAPH | GRAPH_MATCH
    | PROJECT_SMART | EXECUTE_AND_CACHE | ASSERT_SCHEMA | MACRO_EXPAND | PROJECT_BY_NAMES
    ;

pipelineTail
    : (source (PIPE tabularOperator)*)
    | tabularOperator (PIPE tabularOperator)*
    ;

makeSeriesItem
    : (name ASSIGN)? expression (name ASSIGN expression)?
    ;

topNestedLevel
    : expression? OF namedExpression (WITH OTHERS ASSIGN expression)? BY namedExpression (ASC | DESC)?
    ;

reorderItem
    : columnPattern (ASC | DESC | name)?
    ;

columnPattern
    : name (STAR name?)*
    | STAR name?
    ;

renderProperty
    : name ASSIGN (expression | LPAREN name (COMMA name)* RPAREN | name (COMMA name)*)
    ;

joinRight
    : LPAREN pipeline RPAREN
    | expression
    ;

joinCondition
    : expression
    ;

mvExpandItem
    : (name ASSIGN)? expression (TO TYPEOF LPAREN typeName RPAREN)?
    ;

parsePart
    : STAR                                                                      # parseWildcard
    | stringLiteral                                                             # parseLiteral
    | name (COLON typeName)?                                                    # parseColumn
    ;

sortKey
    : expression (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

operatorParameter
    : {parameterAhead()}? name (DOT name)* ASSIGN (literal | name (DOT name)*)
    ;

namedExpressions
    : namedExpression (COMMA namedExpression)*
    ;

namedExpression
    : columnName ASSIGN expression                                              # singleNamed
    | LPAREN columnName (COMMA columnName)* RPAREN ASSIGN expression            # multiNamed
    | expression                                                                # unnamed
    ;

// a column being named may also be called print (print print = ...); elsewhere print starts a source
columnName
    : name
    | PRINT
    ;

arguments
    : argument (COMMA argument)*
    ;

argument
    : STAR
    | name ASSIGN pipeline
    | pipeline
    ;

expression
    : primary                                                                   # primaryExpression
    | expression DOT name LPAREN arguments? RPAREN                              # memberCallExpression
    | expression DOT name                                                       # memberExpression
    | expression BRACKETED                                                      # bracketMemberExpression
    | expression LBRACK expression RBRACK                                       # indexExpression
    | (MINUS | PLUS) expression                                                 # unaryExpression
    | expression (STAR | SLASH | PERCENT) expression                            # multiplicativeExpression
    | expression (PLUS | MINUS) expression                                      # additiveExpression
    | expression (EQ | NEQ | LT | LE | GT | GE | EQTILDE | NEQTILDE | STRING_OPERATOR) expression # comparisonExpression
    | expression (IN | NOT_IN | IN_CI | NOT_IN_CI | HAS_ANY | HAS_ALL) LPAREN arguments? RPAREN # inExpression
    | expression (BETWEEN | NOT_BETWEEN) LPAREN expression DOTDOT expression RPAREN # betweenExpression
    | expression MATCHES REGEX expression                                       # regexExpression
    | expression AND expression                                                 # andExpression
    | expression OR expression                                                  # orExpression
    ;

primary
    : literal                                                                   # literalPrimary
    | DYNAMIC LPAREN jsonValue RPAREN                                           # dynamicPrimary
    | name LPAREN arguments? RPAREN                                             # callPrimary
    | name                                                                      # namePrimary
    | LPAREN pipeline RPAREN                                                    # parenPrimary
    | LBRACK (expression (COMMA expression)*)? RBRACK                           # arrayPrimary
    ;

jsonValue
    : LBRACE (jsonMember (COMMA jsonMember)*)? RBRACE                           # jsonObject
    | LBRACK (jsonValue (COMMA jsonValue)*)? RBRACK                             # jsonArray
    | BRACKETED                                                                 # jsonBracketed
    | DYNAMIC LPAREN jsonValue RPAREN                                           # jsonDynamic
    | (MINUS | PLUS)? literal                                                   # jsonLiteral
    | name                                                                      # jsonName
    ;

jsonMember
    : (stringLiteral | name) COLON jsonValue
    ;

literal
    : stringLiteral                                                             # stringLit
    | LONG_LITERAL                                                              # longLit
    | REAL_LITERAL                                                              # realLit
    | TIMESPAN_LITERAL                                                          # timespanLit
    | TYPED_LITERAL                                                             # typedLit
    | (TRUE | FALSE)                                                            # boolLit
    ;

stringLiteral
    : STRING+
    ;

// soft keywords may name columns, tables and functions
name
    : IDENTIFIER | BRACKETED | LET | SET | RANGE | DATATABLE | UNION | SEARCH | FIND | EVALUATE
    | WHERE | FILTER | PROJECT | EXTEND | SUMMARIZE | SORT | ORDER | TOP | TAKE | LIMIT | COUNT | DISTINCT
    | RENDER | JOIN | LOOKUP | PARSE | SERIALIZE | AS | SAMPLE | GETSCHEMA | INVOKE | BY | ON | WITH | FROM | TO
    | STEP | ASC | DESC | NULLS | FIRST | LAST | TYPEOF | KIND | OF | OTHERS | DECLARE | QUERY_PARAMETERS | ALIAS
    | DATABASE | FACET | FORK | PARTITION | SCAN | REDUCE | CONSUME | EXTERNALDATA | DYNAMIC | ID_COLUMN
    | REGEX | MATCHES | TRUE | FALSE | HAS_ANY | HAS_ALL
    ;

// ---------------------------------------------------------------- lexer

LET: 'let';
SET: 'set';
DECLARE: 'declare';
QUERY_PARAMETERS: 'query_parameters';
ALIAS: 'alias';
DATABASE: 'database';
PRINT: 'print';
RANGE: 'range';
DATATABLE: 'datatable';
UNION: 'union';
SEARCH: 'search';
FIND: 'find';
EVALUATE: 'evaluate';
EXTERNALDATA: 'externaldata' | 'external_data';
WHERE: 'where';
FILTER: 'filter';
PROJECT: 'project';
PROJECT_AWAY: 'project-away';
PROJECT_KEEP: 'project-keep';
PROJECT_RENAME: 'project-rename';
PROJECT_REORDER: 'project-reorder';
PROJECT_SMART: 'project-smart';
PROJECT_BY_NAMES: 'project-by-names';
EXTEND: 'extend';
SUMMARIZE: 'summarize';
SORT: 'sort';
ORDER: 'order';
TOP: 'top';
TOP_NESTED: 'top-nested';
TOP_HITTERS: 'top-hitters';
TAKE: 'take';
LIMIT: 'limit';
COUNT: 'count';
DISTINCT: 'distinct';
RENDER: 'render';
JOIN: 'join';
LOOKUP: 'lookup';
MV_EXPAND: 'mv-expand' | 'mvexpand';
MV_APPLY: 'mv-apply' | 'mvapply';
PARSE: 'parse';
PARSE_WHERE: 'parse-where';
PARSE_KV: 'parse-kv';
MAKE_SERIES: 'make-series';
MAKE_GRAPH: 'make-graph';
GRAPH_MATCH: 'graph-match';
SERIALIZE: 'serialize';
AS: 'as';
SAMPLE: 'sample';
SAMPLE_DISTINCT: 'sample-distinct';
GETSCHEMA: 'getschema';
INVOKE: 'invoke';
FACET: 'facet';
FORK: 'fork';
PARTITION: 'partition';
SCAN: 'scan';
REDUCE: 'reduce';
CONSUME: 'consume';
EXECUTE_AND_CACHE: 'execute-and-cache';
ASSERT_SCHEMA: 'assert-schema';
MACRO_EXPAND: 'macro-expand';
BY: 'by';
ON: 'on';
WITH: 'with';
FROM: 'from';
TO: 'to';
STEP: 'step';
ASC: 'asc';
DESC: 'desc';
NULLS: 'nulls';
FIRST: 'first';
LAST: 'last';
TYPEOF: 'typeof';
KIND: 'kind';
OF: 'of';
OTHERS: 'others';
ID_COLUMN: 'id_column';
DYNAMIC: 'dynamic';
AND: 'and';
OR: 'or';
TRUE: 'true' | 'True' | 'TRUE';
FALSE: 'false' | 'False' | 'FALSE';
MATCHES: 'matches';
REGEX: 'regex';
BETWEEN: 'between';
NOT_BETWEEN: '!between';
IN: 'in';
NOT_IN: '!in';
IN_CI: 'in~';
NOT_IN_CI: '!in~';
HAS_ANY: 'has_any';
HAS_ALL: 'has_all';

STRING_OPERATOR
    : '!'? ( 'has' | 'has_cs' | 'hasprefix' | 'hasprefix_cs' | 'hassuffix' | 'hassuffix_cs'
           | 'contains' | 'contains_cs' | 'startswith' | 'startswith_cs' | 'endswith' | 'endswith_cs' )
    | 'like' | 'notlike' | 'likecs' | 'notlikecs' | 'notcontains' | 'notcontainscs' | 'containscs' | 'nothas'
    ;

// datetime(...), timespan(...), time(...), guid(...): their content is not KQL tokens (2024-01-01T10:00:00Z)
TYPED_LITERAL
    : ('datetime' | 'timespan' | 'time' | 'guid' | 'date') [ \t]* '(' ~[)\r\n]* ')'
    ;

TIMESPAN_LITERAL
    : DIGITS ('.' DIGITS)? TIME_UNIT
    ;

fragment TIME_UNIT
    : 'd' | 'day' | 'days' | 'h' | 'hr' | 'hrs' | 'hour' | 'hours' | 'm' | 'min' | 'minute' | 'minutes'
    | 's' | 'sec' | 'second' | 'seconds' | 'ms' | 'milli' | 'millis' | 'millisecond' | 'milliseconds'
    | 'micro' | 'micros' | 'microsecond' | 'microseconds' | 'tick' | 'ticks' | 'nanosecond' | 'nanoseconds'
    ;

REAL_LITERAL
    : DIGITS '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    | DIGITS '.' {_input.LA(1) != '.'}?
    ;

LONG_LITERAL
    : DIGITS
    | '0x' [0-9a-fA-F]+
    ;

fragment DIGITS: [0-9]+;
fragment EXPONENT: [eE] [+-]? DIGITS;

STRING
    : [hH]? '\'' ( '\\' . | ~['\\\r\n] )* '\''
    | [hH]? '"' ( '\\' . | ~["\\\r\n] )* '"'
    | [hH]? '@\'' ( '\'\'' | ~['] )* '\''
    | [hH]? '@"' ( '""' | ~["] )* '"'
    | '```' .*? '```'
    | '~~~' .*? '~~~'
    ;

// ['name with spaces'] and ["x"]: a bracketed name (or, after an expression, a member access)
BRACKETED
    : '[' [ \t]* ('\'' ( '\\' . | ~['\\\r\n] )* '\'' | '"' ( '\\' . | ~["\\\r\n] )* '"') [ \t]* ']'
    ;

IDENTIFIER
    : [a-zA-Z_$] [a-zA-Z0-9_]*
    ;

EQ: '==';
NEQ: '!=' | '<>';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
EQTILDE: '=~';
NEQTILDE: '!~';
ASSIGN: '=';
DOTDOT: '..';
DOT: '.';
COMMA: ',';
SEMI: ';';
COLON: ':';
PIPE: '|';
LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
LBRACE: '{';
RBRACE: '}';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
ARROW: '=>';

LINE_COMMENT: '//' ~[\r\n]* -> skip;
WS: [ \t\r\n\u00a0]+ -> skip;

// anything else is a token the parser refuses, so the error names it
UNKNOWN: .;
