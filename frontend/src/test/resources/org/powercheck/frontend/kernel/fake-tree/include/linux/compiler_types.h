/* a fake tree for powercheck tests */
#define __fake_attribute
