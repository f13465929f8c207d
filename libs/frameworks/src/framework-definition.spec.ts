import { DEFAULT_FRAMEWORK } from './default-framework.data';
import { contentOf, FrameworkInput, validateFrameworkContent, withGerman } from './framework-definition';

const behaviour = (key: string, statements = 2) => ({
  key,
  name: `Behaviour ${key}`,
  kind: 'influence',
  statements: Array.from({ length: statements }, (_, i) => ({ text: `${key} statement ${i + 1}` })),
});
const fieldsOf = (input: FrameworkInput): string[] => {
  const result = validateFrameworkContent(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('validateFrameworkContent', () => {
  it('accepts the default framework with its German unchanged', () => {
    const content = withGerman(contentOf(DEFAULT_FRAMEWORK));
    const result = validateFrameworkContent(content);
    expect(result).toEqual({ ok: true, content });
  });

  it('keeps a translation only with its text, trimmed, in a language Ripple speaks', () => {
    const result = validateFrameworkContent({
      name: 'Mini',
      behaviours: [
        {
          ...behaviour('trust', 2),
          translations: { de: { name: ' Vertrauen ', description: '' } },
          statements: [
            { text: 'one', translations: { de: { text: ' eins ' } } },
            { text: 'two', translations: { de: { text: ' ' }, fr: { text: 'deux' } } as never },
          ],
        },
      ],
    });
    expect(result.ok && result.content.behaviours[0]).toMatchObject({
      translations: { de: { name: 'Vertrauen', description: '' } },
      statements: [{ translations: { de: { text: 'eins' } } }, { translations: {} }],
    });
    expect(
      fieldsOf({ name: 'X', behaviours: [{ ...behaviour('a', 1), statements: [{ text: 'a', translations: { de: { text: 'x'.repeat(301) } } }] }] }),
    ).toEqual(['behaviours.0.statements.0.translations.de.text']);
  });

  it('fills in missing keys and trims text', () => {
    const result = validateFrameworkContent({
      name: '  Mini ',
      behaviours: [behaviour('trust', 2)],
      openQuestions: [{ text: ' Anything else? ', hint: '' }],
    });
    expect(result).toEqual({
      ok: true,
      content: {
        name: 'Mini',
        description: '',
        behaviours: [
          {
            key: 'trust',
            name: 'Behaviour trust',
            description: '',
            kind: 'influence',
            statements: [
              { key: 'trust.1', text: 'trust statement 1', translations: {} },
              { key: 'trust.2', text: 'trust statement 2', translations: {} },
            ],
            translations: {},
          },
        ],
        openQuestions: [{ key: 'open_1', text: 'Anything else?', hint: null, translations: {} }],
      },
    });
  });

  it.each([
    ['no behaviours', { name: 'X', behaviours: [] }, ['behaviours']],
    ['21 behaviours', { name: 'X', behaviours: Array.from({ length: 21 }, (_, i) => behaviour(`b${i}`, 1)) }, ['behaviours']],
    ['41 statements', { name: 'X', behaviours: [...Array.from({ length: 8 }, (_, i) => behaviour(`b${i}`, 5)), behaviour('extra', 1)] }, ['behaviours']],
    ['6 statements in one behaviour', { name: 'X', behaviours: [behaviour('a', 6)] }, ['behaviours.0.statements']],
    ['a behaviour without statements', { name: 'X', behaviours: [behaviour('a', 0)] }, ['behaviours.0.statements']],
    ['6 open questions', { name: 'X', behaviours: [behaviour('a')], openQuestions: Array.from({ length: 6 }, () => ({ text: 'Q' })) }, ['openQuestions']],
    [
      'a repeated behaviour key',
      { name: 'X', behaviours: [behaviour('a'), behaviour('a')] },
      ['behaviours.1.key', 'behaviours.1.statements.0.key', 'behaviours.1.statements.1.key'],
    ],
    [
      'a bad behaviour key',
      { name: 'X', behaviours: [behaviour('Not OK')] },
      ['behaviours.0.key', 'behaviours.0.statements.0.key', 'behaviours.0.statements.1.key'],
    ],
    ['an unknown kind', { name: 'X', behaviours: [{ ...behaviour('a'), kind: 'charisma' }] }, ['behaviours.0.kind']],
    ['an empty name', { name: '  ', behaviours: [behaviour('a')] }, ['name']],
    ['an empty statement', { name: 'X', behaviours: [{ ...behaviour('a'), statements: [{ text: ' ' }] }] }, ['behaviours.0.statements.0.text']],
    ['an oversize statement', { name: 'X', behaviours: [{ ...behaviour('a'), statements: [{ text: 'x'.repeat(301) }] }] }, ['behaviours.0.statements.0.text']],
    [
      'a statement key used by an open question',
      { name: 'X', behaviours: [behaviour('a', 1)], openQuestions: [{ key: 'a.1', text: 'Q' }] },
      ['openQuestions.0.key'],
    ],
  ])('refuses %s', (_name, input, fields) => {
    expect(fieldsOf(input as FrameworkInput)).toEqual(fields);
  });

  it('accepts the limits exactly: 20 behaviours, 40 statements, 5 open questions', () => {
    const behaviours = Array.from({ length: 20 }, (_, i) => behaviour(`b${i}`, 2));
    const openQuestions = Array.from({ length: 5 }, (_, i) => ({ text: `Q${i}` }));
    expect(fieldsOf({ name: 'Big', behaviours, openQuestions })).toEqual([]);
  });
});
