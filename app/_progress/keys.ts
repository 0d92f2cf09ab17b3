// The storage keys on their own, so a page can ask whether there is saved
// progress without loading the store (see ProgressNotice).
export const PROGRESS_KEY = 'bil-progress';
/** Where unreadable saved text is copied before it is replaced, so nothing is destroyed silently. */
export const UNREADABLE_BACKUP_KEY = 'bil-progress-unreadable';
