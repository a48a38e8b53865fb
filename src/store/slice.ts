// A slice sees only its own fields: it is built from the store's `set` and `get` narrowed to its
// own type, so no slice file needs the whole state's type (that import ran in a circle: the
// store's type is made of the slices).

/** Builds one slice of the store from `set` and `get` narrowed to that slice. */
export type SliceCreator<T> = (set: (patch: Partial<T>) => void, get: () => T) => T;
