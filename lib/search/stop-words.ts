/**
 * English words too common to tell documents apart. Dropped from the index and from queries,
 * as search engines do: a query for "the talks" searches for "talks", and posting lists stay
 * short enough to rank in a few milliseconds.
 */
export const STOP_WORDS = new Set(
  (
    'a about after again against all also am an and any are as at be because been before being ' +
    'between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own said same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);
