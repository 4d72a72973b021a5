/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the lock-less list, Linux v6.6: include/linux/llist.h
 * (struct llist_head/llist_node, init_llist_head, llist_empty, llist_add,
 * llist_del_all) and lib/llist.c (llist_add_batch, llist_reverse_order).
 *
 * Ordering (power-model.md 2.6): llist_add publishes the node with a full
 * try_cmpxchg (sync; cmploop; sync) after the plain store of node->next;
 * llist_del_all takes the whole list with a full xchg (sync; loop; sync);
 * readers then follow ->next pointers (address dependencies).
 *
 * A front end that provides llist_add()/llist_del_all() itself defines
 * PC_HAVE_LLIST_BUILTINS before including this file; its versions must have
 * the sequences above.
 */
#ifndef PC_LINUX_LLIST_H
#define PC_LINUX_LLIST_H

#include "types.h"

struct llist_node {
	struct llist_node *next;
};

struct llist_head {
	struct llist_node *first;
};

static inline void init_llist_head(struct llist_head *list)
{
	list->first = NULL;
}

static inline bool llist_empty(const struct llist_head *head)
{
	return READ_ONCE(head->first) == NULL;
}

#ifndef PC_HAVE_LLIST_BUILTINS
/*
 * Links new_first..new_last in front of the list; true if the list was empty.
 * On a failed try_cmpxchg(), first holds the head seen and the loop re-links.
 */
static inline bool llist_add_batch(struct llist_node *new_first,
				   struct llist_node *new_last,
				   struct llist_head *head)
{
	struct llist_node *first = READ_ONCE(head->first);

	do {
		new_last->next = first;
	} while (!try_cmpxchg(&head->first, &first, new_first));

	return !first;
}

static inline bool llist_add(struct llist_node *new, struct llist_head *head)
{
	return llist_add_batch(new, new, head);
}

/* Empties the list and returns its old first node (newest first). */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return xchg(&head->first, NULL);
}
#endif /* PC_HAVE_LLIST_BUILTINS */

/* Reverses a detached chain in place (plain loads and stores of ->next). */
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *new_head = NULL;

	while (head) {
		struct llist_node *tmp = head;

		head = head->next;
		tmp->next = new_head;
		new_head = tmp;
	}

	return new_head;
}

#endif /* PC_LINUX_LLIST_H */
