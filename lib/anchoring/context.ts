/** Characters of context kept on each side of a quote (the Hypothesis client keeps 32). */
export const CONTEXT_CHARS = 32;
