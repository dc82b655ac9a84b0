// The keys `rif stats --by` counts by: a module of their own, so that the command can declare --by
// without loading the counting, which only stats runs need.
export const STATS_BY = Object.freeze(['kind', 'topic', 'status', 'decade', 'century', 'year', 'actor', 'place'] as const);
export type StatsBy = (typeof STATS_BY)[number];
