/**
 * Control characters in parameters, refused once for every route before validation. A NUL
 * reached PostgreSQL, which cannot store it in text and answered a 500; the other C0 controls
 * belong in no search, project number or id. Tab, line feed and carriage return stay allowed:
 * pasted text carries them harmlessly. JSON bodies are walked too; streamed bodies (JSON Lines
 * imports) are checked line by line by the importer, which reports the line.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../common/errors.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function problem(text: string): string | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  if (m[0] === '\u0000') return 'contains a NUL character';
  return `contains the control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character in a decoded value (strings, arrays, plain objects and their keys), as "where: what". */
export function findControlCharacter(value: unknown, where: string): string | undefined {
  // A stack rather than recursion: a deeply nested JSON body must not overflow it.
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const p = problem(v);
      if (p) return `${at} ${p}`;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !isStream(v)) {
      for (const [k, inner] of Object.entries(v)) {
        const p = problem(k);
        if (p) return `${at}: a parameter name ${p}`;
        stack.push([inner, `${at}/${k}`]);
      }
    }
  }
  return undefined;
}

const isStream = (v: object) => typeof (v as { pipe?: unknown }).pipe === 'function';

/** The first number that is not finite among the (coerced) values of an object, as "where must …". */
export function findNonFinite(values: unknown, where: string): string | undefined {
  if (values === null || typeof values !== 'object') return undefined;
  for (const [k, v] of Object.entries(values)) {
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'number' && !Number.isFinite(x)) return `${where}/${k} must be a finite number`;
  }
  return undefined;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const found = findControlCharacter(req.params, 'params') ?? findControlCharacter(req.query, 'querystring') ?? findControlCharacter(req.body, 'body');
    if (found) throw badRequest(found);
  });
  // Ajv 8 coerces "1e309" and "Infinity" to Infinity for integer parameters, then skips their
  // minimum and maximum (it checks bounds on finite numbers only): SQL got LIMIT 'Infinity'.
  app.addHook('preHandler', async (req) => {
    const found = findNonFinite(req.params, 'params') ?? findNonFinite(req.query, 'querystring');
    if (found) throw badRequest(found);
  });
}
