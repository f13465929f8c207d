import { createHash } from 'node:crypto';
import type { FieldError } from '@lib/common';

export const MAX_ANSWERS = 100;
export const MAX_COMMENTS = 20;
export const MAX_COMMENT_LENGTH = 5000;

export interface QuestionRef {
  id: string;
  key: string;
  type: 'rating' | 'open';
}

export interface RatingAnswer {
  questionId: string;
  /** 1–5, or null for "not observed". An unanswered statement has no entry at all. */
  rating: number | null;
}

export interface CommentAnswer {
  questionId: string;
  text: string;
}

export interface AnswerSet {
  answers: RatingAnswer[];
  comments: CommentAnswer[];
}

/** Any UUID, as class-validator's IsUUID('all') accepts it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RATING_MESSAGE = 'rating must be a whole number from 1 to 5, or null for not observed';

/**
 * The shape of a draft or submit body (PUT …/draft, POST …/submit), checked by hand in one pass:
 * what the DTO's decorators declare (response.dto.ts), field by field, unknown fields refused.
 * Whether the ids belong to this questionnaire is answerSetErrors' work, against its questions.
 */
export function answerSetShapeErrors(body: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const unknown = (value: Record<string, unknown>, known: readonly string[], path: string): void => {
    for (const name of Object.keys(value)) if (!known.includes(name)) errors.push({ field: path + name, message: `property ${name} should not exist` });
  };
  unknown(body, ['answers', 'comments'], '');
  const list = (field: 'answers' | 'comments', max: number, entry: (item: Record<string, unknown>, path: string) => void): void => {
    const value = body[field];
    // Absent or null: optional, as @IsOptional() reads it.
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) return void errors.push({ field, message: `${field} must be an array` });
    if (value.length > max) return void errors.push({ field, message: `${field} must contain no more than ${max} elements` });
    value.forEach((item: unknown, i) => {
      const path = `${field}.${i}`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) errors.push({ field: path, message: `${path} must be an object` });
      else entry(item as Record<string, unknown>, path);
    });
  };
  const questionId = (item: Record<string, unknown>, path: string): void => {
    if (typeof item.questionId !== 'string' || !UUID.test(item.questionId))
      errors.push({ field: `${path}.questionId`, message: 'questionId must be a question id' });
  };
  list('answers', MAX_ANSWERS, (item, path) => {
    unknown(item, ['questionId', 'rating'], `${path}.`);
    questionId(item, path);
    const rating = item.rating;
    if (rating !== null && !(typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
      errors.push({ field: `${path}.rating`, message: RATING_MESSAGE });
    }
  });
  list('comments', MAX_COMMENTS, (item, path) => {
    unknown(item, ['questionId', 'text'], `${path}.`);
    questionId(item, path);
    if (typeof item.text !== 'string') errors.push({ field: `${path}.text`, message: 'text must be a string' });
    else if (item.text.length > MAX_COMMENT_LENGTH)
      errors.push({ field: `${path}.text`, message: `text must be shorter than or equal to ${MAX_COMMENT_LENGTH} characters` });
  });
  return errors;
}

/**
 * The submit body's shape: an answer set, plus the optional followership question (up to
 * MAX_COLLEAGUES_NAMED distinct person ids). Whether each may be named is decided in the submission.
 */
export function submitShapeErrors(body: Record<string, unknown>): FieldError[] {
  const { colleaguesNamed, ...set } = body;
  const errors = answerSetShapeErrors(set);
  if (colleaguesNamed === undefined || colleaguesNamed === null) return errors;
  if (!Array.isArray(colleaguesNamed)) errors.push({ field: 'colleaguesNamed', message: 'colleaguesNamed must be an array' });
  else if (colleaguesNamed.length > MAX_COLLEAGUES_NAMED)
    errors.push({ field: 'colleaguesNamed', message: `colleaguesNamed holds at most ${MAX_COLLEAGUES_NAMED} colleagues` });
  else if (!colleaguesNamed.every((id) => typeof id === 'string' && UUID.test(id)))
    errors.push({ field: 'colleaguesNamed', message: 'colleaguesNamed must be person ids' });
  else if (new Set(colleaguesNamed.map((id: string) => id.toLowerCase())).size !== colleaguesNamed.length)
    errors.push({ field: 'colleaguesNamed', message: 'colleaguesNamed names each colleague once' });
  return errors;
}

/** The answers as they will be stored: ids lower-cased, comments trimmed, blank comments dropped. */
export function normaliseAnswerSet(input: { answers?: RatingAnswer[]; comments?: CommentAnswer[] }): AnswerSet {
  return {
    answers: (input.answers ?? []).map((a) => ({ questionId: a.questionId.toLowerCase(), rating: a.rating })),
    comments: (input.comments ?? []).map((c) => ({ questionId: c.questionId.toLowerCase(), text: c.text.trim() })).filter((c) => c.text.length > 0),
  };
}

/**
 * Problems with an answer set against THIS questionnaire, by field, in the order of the input
 * (indices refer to the input arrays). Empty means the set may be stored as a draft.
 */
export function answerSetErrors(questions: readonly QuestionRef[], input: { answers?: RatingAnswer[]; comments?: CommentAnswer[] }): FieldError[] {
  const byId = new Map(questions.map((q) => [q.id.toLowerCase(), q]));
  const errors: FieldError[] = [];
  const check = (list: { questionId: string }[], field: 'answers' | 'comments', type: QuestionRef['type'], max: number) => {
    if (list.length > max) errors.push({ field, message: `${field} may hold at most ${max} entries` });
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      const id = String(entry.questionId).toLowerCase();
      const question = byId.get(id);
      if (!question) errors.push({ field: `${field}.${i}.questionId`, message: 'is not a question of this questionnaire' });
      else if (question.type !== type) {
        errors.push({
          field: `${field}.${i}.questionId`,
          message: type === 'rating' ? 'is an open question: send its text in comments' : 'is a rating statement: send its rating in answers',
        });
      } else if (seen.has(id)) errors.push({ field: `${field}.${i}.questionId`, message: 'appears more than once' });
      seen.add(id);
    });
  };
  const answers = input.answers ?? [];
  const comments = input.comments ?? [];
  check(answers, 'answers', 'rating', MAX_ANSWERS);
  check(comments, 'comments', 'open', MAX_COMMENTS);
  answers.forEach((a, i) => {
    if (a.rating !== null && !(Number.isInteger(a.rating) && a.rating >= 1 && a.rating <= 5)) {
      errors.push({ field: `answers.${i}.rating`, message: 'must be a whole number from 1 to 5, or null for not observed' });
    }
  });
  comments.forEach((c, i) => {
    if (typeof c.text !== 'string' || c.text.length > MAX_COMMENT_LENGTH) {
      errors.push({ field: `comments.${i}.text`, message: `must be text of at most ${MAX_COMMENT_LENGTH} characters` });
    }
  });
  return errors;
}

/** Rating statements without an entry: what stops a submission. "Not observed" (null) is an answer. */
export function missingStatements(questions: readonly QuestionRef[], set: AnswerSet): QuestionRef[] {
  const answered = new Set(set.answers.map((a) => a.questionId.toLowerCase()));
  return questions.filter((q) => q.type === 'rating' && !answered.has(q.id.toLowerCase()));
}

export function progressOf(questions: readonly QuestionRef[], set: AnswerSet): { answered: number; total: number } {
  const ratingIds = new Set(questions.filter((q) => q.type === 'rating').map((q) => q.id.toLowerCase()));
  return { answered: set.answers.filter((a) => ratingIds.has(a.questionId.toLowerCase())).length, total: ratingIds.size };
}

/**
 * What an Idempotency-Key is bound to: the request and the body, canonicalised so that the order
 * of JSON properties does not matter. `null` is a submit of the saved draft (no answers in the body).
 */
/** The followership question: up to this many colleagues per questionnaire. */
export const MAX_COLLEAGUES_NAMED = 3;

export function submissionHash(requestId: string, body: AnswerSet | null, colleaguesNamed: readonly string[] = []): string {
  const canonical = body && {
    answers: body.answers.map((a) => [a.questionId, a.rating]),
    comments: body.comments.map((c) => [c.questionId, c.text]),
  };
  return createHash('sha256')
    .update(
      JSON.stringify([requestId.toLowerCase(), canonical, ...(colleaguesNamed.length ? [[...colleaguesNamed].map((id) => id.toLowerCase()).sort()] : [])]),
    )
    .digest('hex');
}
