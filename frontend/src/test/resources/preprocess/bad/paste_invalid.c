// error: 3:1: pasting "+" and "/" does not give a valid preprocessing token
#define CAT(a, b) a ## b
CAT(+, /)
