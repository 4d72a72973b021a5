// error: 2:10: #include expects "FILENAME" or <FILENAME>
#include nothing_useful
