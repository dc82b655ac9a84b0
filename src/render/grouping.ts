// The groupings of a timeline: a small module of its own, so that the command can declare --by
// without loading the renderer, which only timeline runs need.
export const GROUPINGS = Object.freeze(['century', 'decade', 'year'] as const);
export type Grouping = (typeof GROUPINGS)[number];
