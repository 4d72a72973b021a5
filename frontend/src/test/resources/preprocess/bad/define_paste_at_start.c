// error: 2:14: '##' cannot appear at either end of a macro expansion
#define P(x) ## x
