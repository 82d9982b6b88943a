import { inspect } from 'node:util';
import { z } from 'zod';
import { lazySchema, unwrapSchema, zod } from '../../src/schema/lazy-schema';
import { MessageSchema } from '../../src/schema/conversation';
import * as lib from '../../src/index';

describe('lazySchema', () => {
  it('builds the schema once, on first use', () => {
    let builds = 0;
    const Point = lazySchema((zz) => {
      builds += 1;
      return zz.strictObject({ x: zz.number(), y: zz.number() });
    });
    expect(builds).toBe(0);
    expect(Point.parse({ x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(Point.safeParse({ x: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('stands in for the schema: shape, keys, instanceof, use inside other schemas', () => {
    const Point = lazySchema((zz) => zz.strictObject({ x: zz.number(), y: zz.number() }));
    expect(Object.keys(Point.shape)).toEqual(['x', 'y']);
    expect(Point instanceof z.ZodObject).toBe(true);
    expect('parse' in Point).toBe(true);
    const Line = z.strictObject({ from: Point, to: Point.optional() });
    expect(Line.parse({ from: { x: 0, y: 0 } })).toEqual({ from: { x: 0, y: 0 } });
    expect(() => Line.parse({ from: { x: 0 } })).toThrow(z.ZodError);
    expect({ ...Point.extend({ z: z.number() }).shape }).toHaveProperty('z');
  });

  it('prints as the schema it stands for', () => {
    const Point = lazySchema((zz) => zz.strictObject({ x: zz.number() }));
    expect(inspect(Point, { depth: 0 })).toBe(inspect(unwrapSchema(Point), { depth: 0 }));
    expect(inspect(Point, { depth: 0 })).toMatch(/^ZodObject /);
  });

  it('unwraps to the built schema, which keeps its description for JSON Schema', () => {
    const Named = lazySchema((zz) => zz.string().describe('a name'));
    const built = unwrapSchema(Named);
    expect(built).not.toBe(Named);
    expect(built).toBe(unwrapSchema(Named));
    expect(z.toJSONSchema(built)).toMatchObject({ type: 'string', description: 'a name' });
    const plain = { not: 'a schema' };
    expect(unwrapSchema(plain)).toBe(plain);
  });

  it('hands builders the same zod the library validates with', () => {
    expect(zod()).toBe(z);
    expect(unwrapSchema(MessageSchema) instanceof z.ZodObject).toBe(true);
  });

  it('hands builders the schemas behind stand-ins, so recursion and definitions survive JSON Schema', () => {
    type Tree = { children: Tree[] };
    const TreeSchema: z.ZodType<Tree> = lazySchema((zz) => zz.lazy(() => zz.strictObject({ children: zz.array(TreeSchema) })));
    const Forest = lazySchema((zz) => zz.strictObject({ trees: zz.array(TreeSchema), first: TreeSchema }));
    const json = JSON.stringify(z.toJSONSchema(Forest));
    expect(json).toContain('"$ref"');
    expect(Forest.parse({ trees: [{ children: [{ children: [] }] }], first: { children: [] } })).toBeDefined();
  });

  it('passes other function arguments to zod as they are (a class, a check)', () => {
    const When = lazySchema((zz) => zz.instanceof(Date));
    const Even = lazySchema((zz) => zz.custom<number>((v) => typeof v === 'number' && v % 2 === 0));
    expect(When.safeParse(new Date(0)).success).toBe(true);
    expect(When.safeParse('2026-01-01').success).toBe(false);
    expect(Even.safeParse(4).success).toBe(true);
    expect(Even.safeParse(3).success).toBe(false);
  });

  it('gives every exported schema the JSON Schema of the schema behind it', () => {
    const schemas = Object.entries(lib).filter(([, v]) => typeof v === 'object' && v !== null && '_zod' in v);
    expect(schemas.length).toBeGreaterThan(25);
    for (const [name, schema] of schemas) {
      for (const io of ['input', 'output'] as const) {
        const own = z.toJSONSchema(unwrapSchema(schema as z.ZodType), { io, unrepresentable: 'any' });
        expect([name, z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: 'any' })]).toEqual([name, own]);
      }
    }
    expect(JSON.stringify(z.toJSONSchema(lib.TraceSchema))).toContain('"$ref"');
  });
});
