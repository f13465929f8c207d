import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ANSWERING_STATES } from '@lib/cycles';
import { PostgresRateLimitStore, RateLimiter } from '@lib/database';
import { FREQUENCY_SCALE } from '@lib/frameworks';
import { newToken, presentedToken } from '@lib/identity';
import { type Language, translator } from '@lib/common';
import { FeedbackErrorCode, FeedbackException } from '../feedback.exception';
import { AnswerSet, answerSetErrors, missingStatements, normaliseAnswerSet, progressOf } from '../responses/answer-rules';
import { questionsIn } from '../responses/question-language';
import { DraftDto, SubmitDto } from '../responses/response.dto';
import { QuestionRow, ResponsesRepository } from '../responses/responses.repository';
import { ExternalDraftSavedDto, ExternalQuestionnaireDto, ExternalSessionDto, ExternalSubmissionDto } from './external-rater.dto';
import { ExternalAccessRow, ExternalRatersRepository } from './external-raters.repository';
import { EXTERNAL_ACCESS_HOURS, LINK_FAILURES_PER_NETWORK, LINK_FAILURES_PER_ORGANIZATION } from './external-rules';

const invalidLink = (): FeedbackException =>
  new FeedbackException(FeedbackErrorCode.ExternalLinkInvalid, 'This link is invalid, already used or expired. Ask the person who invited you for a new one.');
const noAccess = (): FeedbackException =>
  new FeedbackException(
    FeedbackErrorCode.ExternalAccessInvalid,
    'This questionnaire is no longer open in this browser. Ask the person who invited you for a new link.',
  );

/**
 * The external rater's side. The mailed link is exchanged once for a credential that opens this
 * one questionnaire and nothing else (external-rules.ts says exactly how "once" works); the
 * credential is a token of the same scheme as sessions (organisation id ‖ 32 random bytes, only
 * its SHA-256 stored), so the organisation is known before any query, and every query runs in it.
 */
@Injectable()
export class ExternalQuestionnaireService {
  /** Refused link openings (external-rules.ts). */
  private readonly attempts: RateLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly raters: ExternalRatersRepository,
    private readonly responses: ResponsesRepository,
  ) {
    this.attempts = new RateLimiter(new PostgresRateLimitStore(db));
  }

  /** Spends the link; returns the credential for the cookie. Refused openings are counted (rate limits). */
  async open(token: string, ip: string): Promise<{ access: string } & ExternalSessionDto> {
    // The token's first 22 characters name its organisation: the rate limit per link holder.
    const prefix = token.slice(0, 22);
    const refusal = (await this.attempts.exhausted(LINK_FAILURES_PER_NETWORK, ip)) ?? (await this.attempts.exhausted(LINK_FAILURES_PER_ORGANIZATION, prefix));
    if (refusal) {
      throw new FeedbackException(FeedbackErrorCode.TooManyLinkAttempts, 'Too many attempts to open a link. Try again later.', {
        retryAfterSeconds: refusal.retryAfterSeconds,
      });
    }
    const presented = presentedToken(token);
    const access = presented && newToken(presented.organizationId);
    const opened =
      presented &&
      access &&
      (await this.db.transaction((tx) => this.raters.exchangeLink(presented.organizationId, presented.hash, access.hash, EXTERNAL_ACCESS_HOURS, tx)));
    if (!opened || !access) {
      await this.db.transaction(async (tx) => {
        const attempts = new RateLimiter(new PostgresRateLimitStore(tx));
        await attempts.record(LINK_FAILURES_PER_NETWORK, ip);
        await attempts.record(LINK_FAILURES_PER_ORGANIZATION, prefix);
      });
      throw invalidLink();
    }
    return { access: access.token, expiresAt: opened.expiresAt.toISOString() };
  }

  /** In the language they were invited in, or the one they switched to: answers stay keyed by question id, whatever they read. */
  async questionnaire(access: string | undefined, asked?: Language): Promise<ExternalQuestionnaireDto> {
    const row = await this.resolve(access);
    const questions = await this.responses.questions(row.organizationId, row.frameworkVersionId);
    const language = asked ?? row.language;
    const shown = questionsIn(questions, language);
    const t = translator(language);
    const set = row.draft ?? { answers: [], comments: [] };
    const behaviours = new Map<string, ExternalQuestionnaireDto['behaviours'][number]>();
    for (const q of shown) {
      if (q.type !== 'rating' || !q.behaviour) continue;
      let behaviour = behaviours.get(q.behaviour.id);
      const { id, key, name, description, kind } = q.behaviour;
      if (!behaviour) behaviours.set(q.behaviour.id, (behaviour = { id, key, name, description, kind, statements: [] }));
      behaviour.statements.push({ id: q.id, key: q.key, text: q.text });
    }
    return {
      language,
      raterName: row.name,
      subjectName: row.subjectName,
      organizationName: row.organizationName,
      cycleName: row.cycleName,
      responseDeadline: row.responseDeadline ? new Date(row.responseDeadline).toISOString() : null,
      threshold: row.threshold,
      scale: { points: FREQUENCY_SCALE.points.map((p) => ({ value: p.value, label: t.t(`scale.${p.value}`) })), notObservedLabel: t.t('scale.notObserved') },
      behaviours: [...behaviours.values()],
      openQuestions: shown.filter((q) => q.type === 'open').map((q) => ({ id: q.id, key: q.key, text: q.text, hint: q.hint })),
      draft: set,
      progress: progressOf(questions, set),
      savedAt: row.draftSavedAt ? new Date(row.draftSavedAt).toISOString() : null,
    };
  }

  async saveDraft(access: string | undefined, dto: DraftDto): Promise<ExternalDraftSavedDto> {
    const key = this.key(access);
    return this.db.transaction(async (tx) => {
      const row = await this.lockAnswering(key, tx);
      const questions = await this.responses.questions(row.organizationId, row.frameworkVersionId, tx);
      assertValid(questions, dto);
      const set = normaliseAnswerSet(dto);
      const savedAt = await this.raters.saveDraft(row.organizationId, row.id, set, tx);
      return { savedAt: savedAt.toISOString(), progress: progressOf(questions, set) };
    });
  }

  /** The one submission; the credential ends with it, so a second submit finds nothing open. */
  async submit(access: string | undefined, dto: SubmitDto): Promise<ExternalSubmissionDto> {
    const key = this.key(access);
    return this.db.transaction(async (tx) => {
      const row = await this.lockAnswering(key, tx);
      const questions = await this.responses.questions(row.organizationId, row.frameworkVersionId, tx);
      const withBody = dto.answers !== undefined || dto.comments !== undefined;
      const set: AnswerSet = withBody ? normaliseAnswerSet(dto) : (row.draft ?? { answers: [], comments: [] });
      assertValid(questions, withBody ? dto : set);
      const missing = missingStatements(questions, set);
      if (missing.length) {
        throw new FeedbackException(
          FeedbackErrorCode.IncompleteSubmission,
          `${missing.length} statement${missing.length === 1 ? ' is' : 's are'} not answered yet: give a rating or choose "not observed"`,
          { errors: missing.map((q) => ({ field: 'answers', message: `"${q.key}" is not answered`, questionId: q.id })) },
        );
      }
      const submittedAt = await this.raters.submit(row.organizationId, row.id, set, tx);
      return { submittedAt: submittedAt.toISOString() };
    });
  }

  private key(access: string | undefined): { organizationId: string; hash: Buffer } {
    const key = access ? presentedToken(access) : null;
    if (!key) throw noAccess();
    return key;
  }

  private async resolve(access: string | undefined): Promise<ExternalAccessRow> {
    const key = this.key(access);
    const row = await this.raters.byAccess(key.organizationId, key.hash);
    if (!row || !ANSWERING_STATES.includes(row.cycleState)) throw noAccess();
    return row;
  }

  private async lockAnswering(key: { organizationId: string; hash: Buffer }, tx: EntityManager): Promise<ExternalAccessRow> {
    const row = await this.raters.byAccess(key.organizationId, key.hash, tx);
    if (!row || !ANSWERING_STATES.includes(row.cycleState)) throw noAccess();
    return row;
  }
}

function assertValid(questions: QuestionRow[], input: DraftDto | AnswerSet): void {
  const errors = answerSetErrors(questions, input);
  if (errors.length) throw new FeedbackException(FeedbackErrorCode.InvalidAnswers, errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
}
