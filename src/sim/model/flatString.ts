// A string the timeline keeps, made one piece. A string built with `+` or a
// template is, in V8, a chain of pieces (a "cons string": one object for each
// joint, the pieces objects of their own) until something reads it as a whole;
// kept in the timeline as it is, every chain is several objects the garbage
// collector copies and marks for the rest of the run. Reading one character
// makes V8 write the string out in one piece (the chain then points at it, and
// the collector drops the chain when it next moves the string), so a kept label
// or line costs one object. In other engines this is a cheap read and nothing else.

/** `text` itself, written out in one piece (see above). */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
