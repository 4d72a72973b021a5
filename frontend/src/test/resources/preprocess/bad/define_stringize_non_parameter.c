// error: 2:14: '#' is not followed by a macro parameter
#define S(x) #y
