// error: 2:9: macro names must be identifiers
#define 3 three
