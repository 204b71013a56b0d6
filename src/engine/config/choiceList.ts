/** A set of choices as a setting: "deletion, insertion" in forms, links and flags; a non-empty list, each once. */
import * as v from 'valibot';
import { fieldSentence, TextProblem, type Field } from './field';
import { quote } from './text';

export function choiceListField<T extends string>(o: { label: string; hint: string; words: Readonly<Record<T, string>> }): Field<T[]> {
  const choices = Object.keys(o.words) as T[];
  const allowed = `one or more of ${choices.join(', ')}, comma-separated, each once`;
  const msg = fieldSentence(o.label, allowed);
  return {
    label: o.label,
    hint: o.hint,
    allowed,
    control: { kind: 'choice', choices, words: o.words },
    schema: v.pipe(
      v.array(v.picklist(choices, msg), msg),
      v.minLength(1, msg),
      v.check((xs) => new Set(xs).size === xs.length, msg),
    ),
    fromText: (text) => {
      const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
      const unknown = parts.find((p) => !(choices as string[]).includes(p));
      if (unknown !== undefined) return new TextProblem(`${o.label}: ${allowed}; ${quote(unknown)} is not one of them.`);
      return parts;
    },
    toText: (xs) => xs.join(','),
  };
}
