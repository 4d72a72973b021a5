// error: 3:2: unterminated #ifdef
int a;
#ifdef CONFIG_SMP
int b;
