import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import fc from 'fast-check';
import { answerSetErrors, answerSetShapeErrors, missingStatements, normaliseAnswerSet, progressOf, QuestionRef, submissionHash } from './answer-rules';
import { DraftDto } from './response.dto';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const OPEN = '33333333-3333-4333-8333-333333333333';
const FOREIGN = '44444444-4444-4444-8444-444444444444';
const QUESTIONS: QuestionRef[] = [
  { id: S1, key: 'listening.1', type: 'rating' },
  { id: S2, key: 'listening.2', type: 'rating' },
  { id: OPEN, key: 'keep_doing', type: 'open' },
];
const fields = (input: Parameters<typeof answerSetErrors>[1]): string[] => answerSetErrors(QUESTIONS, input).map((e) => e.field);

describe('answerSetErrors', () => {
  it('accepts ratings 1..5 and null (not observed), comments on open questions, and an empty draft', () => {
    expect(
      fields({
        answers: [
          { questionId: S1, rating: 5 },
          { questionId: S2, rating: null },
        ],
        comments: [{ questionId: OPEN, text: 'x' }],
      }),
    ).toEqual([]);
    expect(fields({})).toEqual([]);
    expect(fields({ answers: [{ questionId: S1.toUpperCase(), rating: 1 }] })).toEqual([]);
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses the rating %p', (rating) => {
    expect(fields({ answers: [{ questionId: S1, rating }] })).toEqual(['answers.0.rating']);
  });

  it('refuses questions of another questionnaire, the wrong kind of question and repeats, by index', () => {
    expect(
      fields({
        answers: [
          { questionId: S1, rating: 3 },
          { questionId: FOREIGN, rating: 3 },
        ],
      }),
    ).toEqual(['answers.1.questionId']);
    expect(fields({ answers: [{ questionId: OPEN, rating: 3 }] })).toEqual(['answers.0.questionId']);
    expect(fields({ comments: [{ questionId: S1, text: 'x' }] })).toEqual(['comments.0.questionId']);
    expect(
      fields({
        answers: [
          { questionId: S1, rating: 3 },
          { questionId: S1.toUpperCase(), rating: 4 },
        ],
      }),
    ).toEqual(['answers.1.questionId']);
  });

  it('refuses oversize comments and lists', () => {
    expect(fields({ comments: [{ questionId: OPEN, text: 'x'.repeat(5001) }] })).toEqual(['comments.0.text']);
    expect(fields({ answers: Array.from({ length: 101 }, () => ({ questionId: FOREIGN, rating: 1 })) })[0]).toBe('answers');
  });
});

describe('missingStatements and progressOf', () => {
  it('counts "not observed" as answered and open questions as optional', () => {
    const set = normaliseAnswerSet({ answers: [{ questionId: S2, rating: null }] });
    expect(missingStatements(QUESTIONS, set).map((q) => q.key)).toEqual(['listening.1']);
    expect(progressOf(QUESTIONS, set)).toEqual({ answered: 1, total: 2 });
    expect(
      missingStatements(
        QUESTIONS,
        normaliseAnswerSet({
          answers: [
            { questionId: S1, rating: 2 },
            { questionId: S2, rating: null },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('normaliseAnswerSet', () => {
  it('trims comments and drops blank ones', () => {
    expect(
      normaliseAnswerSet({
        comments: [
          { questionId: OPEN, text: '  kind  ' },
          { questionId: OPEN, text: '   ' },
        ],
      }).comments,
    ).toEqual([{ questionId: OPEN, text: 'kind' }]);
  });
});

describe('submissionHash', () => {
  const set = normaliseAnswerSet({ answers: [{ questionId: S1, rating: 3 }] });
  it('binds a key to the request and the body', () => {
    expect(submissionHash(S1, set)).toBe(submissionHash(S1.toUpperCase(), normaliseAnswerSet({ answers: [{ questionId: S1, rating: 3 }] })));
    expect(submissionHash(S1, set)).not.toBe(submissionHash(S2, set));
    expect(submissionHash(S1, set)).not.toBe(submissionHash(S1, normaliseAnswerSet({ answers: [{ questionId: S1, rating: 4 }] })));
    expect(submissionHash(S1, null)).not.toBe(submissionHash(S1, normaliseAnswerSet({})));
  });
});

describe('answerSetShapeErrors: the same verdicts as the DTO decorators', () => {
  /** What class-validator, as the global pipe runs it, says of a body: the fields it names. */
  async function decoratorFields(body: Record<string, unknown>): Promise<string[]> {
    const flatten = (errors: ValidationError[], parent = ''): string[] =>
      errors.flatMap((e) => {
        const field = parent ? `${parent}.${e.property}` : e.property;
        return [...(Object.keys(e.constraints ?? {}).length ? [field] : []), ...flatten(e.children ?? [], field)];
      });
    return flatten(await validate(plainToInstance(DraftDto, body), { whitelist: true, forbidNonWhitelisted: true }));
  }
  const shapeFields = (body: Record<string, unknown>): string[] => answerSetShapeErrors(body).map((e) => e.field);
  const same = async (body: Record<string, unknown>): Promise<void> => {
    expect([...new Set(shapeFields(body))].sort()).toEqual([...new Set(await decoratorFields(body))].sort());
  };

  it('accepts what they accept and names the fields they name, on examples', async () => {
    await same({});
    await same({
      answers: [
        { questionId: S1, rating: 5 },
        { questionId: S2, rating: null },
      ],
      comments: [{ questionId: OPEN, text: 'x' }],
    });
    await same({ answers: null });
    await same({ answers: [{ questionId: 'q1', rating: 3 }] });
    await same({ answers: [{ questionId: S1 }] });
    await same({ answers: [{ questionId: S1, rating: '3' }] });
    await same({ answers: [{ questionId: S1, rating: 2.5, weight: 1 }], score: 5 });
    await same({ answers: { questionId: S1, rating: 3 } });
    await same({
      comments: [
        { questionId: OPEN, text: 'x'.repeat(5001) },
        { questionId: OPEN, text: 7 },
      ],
    });
    await same({ answers: Array.from({ length: 101 }, () => ({ questionId: S1, rating: 1 })) });
    expect(shapeFields({ answers: [{ questionId: S1, rating: 6 }] })).toEqual(['answers.0.rating']);
  });

  it('on generated bodies', async () => {
    const id = fc.oneof(fc.uuid(), fc.constantFrom('q1', '', 'not-a-uuid'), fc.integer(), fc.constant(null));
    const extra = fc.option(fc.dictionary(fc.constantFrom('weight', 'score', 'x'), fc.integer(), { maxKeys: 1 }), { nil: undefined });
    const rating = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constant(null), fc.constant(2.5), fc.constant('3'), fc.constant(undefined));
    const answer = fc.record({ questionId: id, rating, extra }).map(({ extra: more, ...a }) => ({ ...a, ...more }));
    const comment = fc.record({ questionId: id, text: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('y'.repeat(5001)), fc.integer()) });
    const list = <T>(item: fc.Arbitrary<T>) => fc.option(fc.array(item, { maxLength: 4 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.record({ answers: list(answer), comments: list(comment), extra }), async ({ extra: more, ...body }) => {
        const plain = JSON.parse(JSON.stringify({ ...body, ...more })) as Record<string, unknown>;
        await same(plain);
      }),
      { numRuns: 300 },
    );
  });
});
