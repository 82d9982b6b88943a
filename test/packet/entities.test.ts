import type { Entity } from '../../src/schema/packet';
import { EntitySchema } from '../../src/schema/packet';
import { extractEntities } from '../../src/packet/entities';
import { analysis, bot, user } from './factories';

const values = (entities: readonly Entity[], kind: Entity['kind']): string[] =>
  entities.filter((entity) => entity.kind === kind).map((entity) => entity.value);

describe('extractEntities', () => {
  it('finds people, amounts and dates with compromise', () => {
    const entities = extractEntities([
      user("Hi, I'm Maria Lopez. I was charged $49.99 twice on March 3rd and want it back by next Friday."),
    ]);
    expect(values(entities, 'person')).toEqual(['Maria Lopez']);
    expect(values(entities, 'amount')).toEqual(['$49.99']);
    expect(values(entities, 'date')).toEqual(['March 3rd', 'next Friday']);
  });

  it('finds emails and phones in international and US formats', () => {
    const entities = extractEntities([
      user('Write to maria.lopez@example.co.uk or call +44 20 7946 0958, (555) 123-4567 or 1-800-555-1234.'),
    ]);
    expect(values(entities, 'email')).toEqual(['maria.lopez@example.co.uk']);
    expect(values(entities, 'phone')).toEqual(['+44 20 7946 0958', '(555) 123-4567', '1-800-555-1234']);
  });

  it('finds order and ticket ids, announced or self-describing', () => {
    const entities = extractEntities([
      user('Order #A12345 and ticket 99812 are linked to ORD-2024-0001; reference ABC123, see also #ZX9981.'),
    ]);
    expect(values(entities, 'orderId')).toEqual(['A12345', '99812', 'ORD-2024-0001', 'ABC123', 'ZX9981']);
    // The date-like tail of ORD-2024-0001 belongs to the id, not to a date.
    expect(values(entities, 'date')).toEqual([]);
  });

  it('does not read prose after "order" as an id', () => {
    const entities = extractEntities([user('In order to fix my order 2nd time, see case 12.')]);
    expect(values(entities, 'orderId')).toEqual([]);
  });

  it('extracts from redacted text only, so secrets never become entities', () => {
    const entities = extractEntities([
      user('card 4111 1111 1111 1111, ssn 123-45-6789, the code is 482913, iban DE89370400440532013000'),
    ]);
    expect(entities).toEqual([]);
    const withSsnLikePhone = extractEntities([user('my ssn is 123 45 6789')]);
    expect(values(withSsnLikePhone, 'phone')).toEqual([]);
  });

  it('numbers user turns over user messages only and keeps message indexes', () => {
    const entities = extractEntities([
      bot('Hello! What is your order number?'),
      user('It is order 77812.'),
      bot('Thanks. Anything else? Your order 55555 was refunded on May 3rd.'),
      user('Yes, email me at bob@example.com'),
    ]);
    expect(entities).toEqual([
      { kind: 'orderId', value: '77812', turn: 1, messageIndex: 1 },
      { kind: 'orderId', value: '55555', turn: null, messageIndex: 2 },
      { kind: 'date', value: 'May 3rd', turn: null, messageIndex: 2 },
      { kind: 'email', value: 'bob@example.com', turn: 2, messageIndex: 3 },
    ]);
    for (const entity of entities) expect(EntitySchema.parse(entity)).toEqual(entity);
  });

  it('keeps the first mention of each entity', () => {
    const entities = extractEntities([
      user('order A12345, mail BOB@example.com'),
      user('again: order #a12345, mail bob@example.com, phone 555-123-4567'),
      user('phone (555) 123 4567'),
    ]);
    expect(entities).toEqual([
      { kind: 'orderId', value: 'A12345', turn: 1, messageIndex: 0 },
      { kind: 'email', value: 'BOB@example.com', turn: 1, messageIndex: 0 },
      { kind: 'phone', value: '555-123-4567', turn: 2, messageIndex: 1 },
    ]);
  });

  it('takes no person names from bot messages, which name the bot itself', () => {
    const entities = extractEntities([bot("Hi, I'm Ava, your assistant."), user('Please let me talk to John Smith.')]);
    expect(values(entities, 'person')).toEqual(['John Smith']);
  });

  it('skips person names in shouted messages, where every word looks like a name', () => {
    const shoutedAnalysis = analysis({ signals: [['shouting', 'TOM']] });
    const calmAnalysis = analysis();
    const messages = [user('Tom Baker said I would get a refund'), user('Tom Baker said I would get a refund')];
    expect(values(extractEntities(messages, [shoutedAnalysis, calmAnalysis]), 'person')).toEqual(['Tom Baker']);
    expect(extractEntities(messages, [shoutedAnalysis, calmAnalysis])[0]?.messageIndex).toBe(1);
    expect(values(extractEntities([user('I WANT TO SPEAK TO DAVID JONES RIGHT NOW')]), 'person')).toEqual([]);
  });

  it('returns nothing for empty or greeting-only conversations', () => {
    expect(extractEntities([])).toEqual([]);
    expect(extractEntities([user(''), user('hi')])).toEqual([]);
  });

  it('loads compromise on first use, not on import', () => {
    let loads = 0;
    jest.isolateModules(() => {
      jest.doMock('compromise', () => {
        loads += 1;
        return jest.requireActual('compromise');
      });
      const isolated = require('../../src/packet/entities') as typeof import('../../src/packet/entities');
      expect(loads).toBe(0);
      isolated.extractEntities([user('Ana paid $5')]);
      isolated.extractEntities([user('Bob paid $6')]);
      expect(loads).toBe(1);
    });
    jest.dontMock('compromise');
  });

  it('is deterministic', () => {
    const messages = [user("I'm Ana, order ORD-1-2345 cost €20 on 5 June, ana@example.org")];
    expect(extractEntities(messages)).toEqual(extractEntities(messages));
  });
});
