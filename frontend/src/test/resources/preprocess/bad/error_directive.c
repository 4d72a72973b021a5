// error: 5:2: #error CONFIG_DEMO must be set for this file
#ifdef CONFIG_DEMO
#error this one is skipped
#else
#error CONFIG_DEMO must be set for this file
#endif
