import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { type Actor, translator } from '@lib/common';
import { ANSWERING_STATES, answerAudience, CycleState, explainAnswerAudience, isRepeatedSubmit, requestTransition } from '@lib/cycles';
import { FREQUENCY_SCALE } from '@lib/frameworks';
import { FeedbackErrorCode, FeedbackException, requestNotFound } from '../feedback.exception';
import { NominationsRepository } from '../followership/nominations.repository';
import type { RequestRow } from '../requests/requests.repository';
import { requestAccess } from '../shared/access';
import { AnswerSet, answerSetErrors, missingStatements, normaliseAnswerSet, progressOf, submissionHash } from './answer-rules';
import { DraftDto, DraftSavedDto, QuestionnaireDto, SubmissionDto, SubmitDto } from './response.dto';
import { questionsIn } from './question-language';
import { LockedRequest, QuestionRow, ResponsesRepository, StoredIdempotencyKey } from './responses.repository';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
/** Deadlock, serialization failure, unique violation: a concurrent twin got there first; run again and see its result. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

/** The rater's side: the questionnaire, the draft, the one submission. Nobody else ever reads it. */
@Injectable()
export class ResponseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly responses: ResponsesRepository,
    private readonly nominations: NominationsRepository,
  ) {}

  /** One statement (request and draft), the questions from memory: a single pool checkout at most. */
  async questionnaire(actor: Actor, requestId: string): Promise<QuestionnaireDto> {
    const found = await this.responses.requestWithDraft(actor.organizationId, requestId, actor.personId);
    const request = found?.request;
    if (!request || !requestAccess(actor, { ...request, cycleState: request.cycle.state }).isRater) throw requestNotFound();
    // isRater holds only in a launched cycle, whose framework version is frozen.
    const questions = await this.responses.launchedVersionQuestions(actor.organizationId, request.cycle);
    // In the rater's language; answers stay keyed by question id, whatever language they read.
    const language = found.readerLanguage;
    const shown = questionsIn(questions, language);
    const t = translator(language);
    const draft = found.draft;
    const set = draft?.set ?? { answers: [], comments: [] };
    const behaviours = new Map<string, QuestionnaireDto['behaviours'][number]>();
    for (const q of shown) {
      if (q.type !== 'rating' || !q.behaviour) continue;
      let behaviour = behaviours.get(q.behaviour.id);
      const { id, key, name, description, kind } = q.behaviour;
      if (!behaviour) behaviours.set(q.behaviour.id, (behaviour = { id, key, name, description, kind, statements: [] }));
      behaviour.statements.push({ id: q.id, key: q.key, text: q.text });
    }
    const audience = answerAudience(request.relationship, request.cycle.settings, { isAdmin: actor.role === 'admin' && request.cycle.origin === 'hr' });
    return {
      id: request.id,
      state: request.state,
      relationship: request.relationship,
      canEdit: this.canEdit(request),
      cycle: {
        id: request.cycle.id,
        name: request.cycle.name,
        state: request.cycle.state,
        responseDeadline: request.cycle.responseDeadline?.toISOString() ?? null,
      },
      subject: { id: request.subjectId, name: request.subjectName, title: request.subjectTitle, department: request.subjectDepartment },
      answerAudience: { ...audience, explanation: explainAnswerAudience(audience, request.subjectName, t) },
      scale: { points: FREQUENCY_SCALE.points.map((p) => ({ value: p.value, label: t.t(`scale.${p.value}`) })), notObservedLabel: t.t('scale.notObserved') },
      behaviours: [...behaviours.values()],
      openQuestions: shown.filter((q) => q.type === 'open').map((q) => ({ id: q.id, key: q.key, text: q.text, hint: q.hint })),
      draft: set,
      progress: request.state === 'submitted' ? fullProgress(questions) : progressOf(questions, set),
      savedAt: draft?.savedAt.toISOString() ?? null,
      submittedAt: request.submittedAt?.toISOString() ?? null,
      withdrawnReason: request.withdrawn ? request.reason : null,
    };
  }

  /** The autosave: BEGIN, one locking read, one writing statement, COMMIT. */
  async saveDraft(actor: Actor, requestId: string, dto: DraftDto): Promise<DraftSavedDto> {
    return this.db.transaction(async (tx) => {
      const { request } = await this.lockForRater(tx, actor, requestId, null);
      this.assertAnswering(request.cycle.state);
      const next = requestTransition(request.state, 'save-draft');
      const questions = await this.responses.launchedVersionQuestions(actor.organizationId, request.cycle, tx);
      this.assertValid(questions, dto);
      const set = normaliseAnswerSet(dto);
      const written = await this.responses.writeDraft(actor.organizationId, request.cycle.id, requestId, set, tx);
      // The cycle closed while this waited for it: nothing was written.
      if (!written.savedAt) this.assertAnswering(written.cycleState as CycleState);
      return { id: requestId, state: next, savedAt: written.savedAt!.toISOString(), progress: progressOf(questions, set) };
    });
  }

  /**
   * Exactly one submission per request: the request row is locked, so concurrent submits queue;
   * the first writes the answers, the others find it submitted and return the same result. An
   * Idempotency-Key replays the stored result, and refuses a different body. The usual submit is
   * BEGIN, one locking read, one writing statement, COMMIT.
   */
  async submit(actor: Actor, requestId: string, dto: SubmitDto, idempotencyKey?: string): Promise<SubmissionDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new FeedbackException(FeedbackErrorCode.InvalidIdempotencyKey, 'Idempotency-Key must be 1 to 100 visible ASCII characters', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 100 visible ASCII characters' }],
      });
    }
    const withBody = dto.answers !== undefined || dto.comments !== undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.submitOnce(tx, actor, requestId, dto, withBody, idempotencyKey));
      } catch (error) {
        const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
        if (!code || !RETRYABLE.has(code) || attempt >= 3) throw error;
      }
    }
  }

  private async submitOnce(
    tx: EntityManager,
    actor: Actor,
    requestId: string,
    dto: SubmitDto,
    withBody: boolean,
    key: string | undefined,
  ): Promise<SubmissionDto> {
    const { request, submittedAtIso, storedKey } = await this.lockForRater(tx, actor, requestId, key ?? null);
    const body = withBody ? normaliseAnswerSet(dto) : null;
    const named = [...new Set((dto.colleaguesNamed ?? []).map((id) => id.toLowerCase()))];
    const hash = submissionHash(requestId, body, named);
    if (storedKey) return this.replay(storedKey, hash);
    const questions = await this.responses.launchedVersionQuestions(actor.organizationId, request.cycle, tx);
    if (isRepeatedSubmit(request.state, 'submit')) {
      // A retry after success: the one submission stands, whatever this body says.
      const result: SubmissionDto = { id: requestId, state: 'submitted', submittedAt: submittedAtIso!, progress: fullProgress(questions) };
      if (key) {
        const saved = await this.responses.saveIdempotencyKey(actor.organizationId, actor.personId, { key, hash, statusCode: 200, response: result }, tx);
        // Another request of this person stored the same key first: compare with theirs.
        if (!saved) {
          const stored = await this.responses.findIdempotencyKey(actor.organizationId, actor.personId, key, tx);
          if (stored) return this.replay(stored, hash);
        }
      }
      return result;
    }
    this.assertAnswering(request.cycle.state);
    requestTransition(request.state, 'submit');
    if (withBody) this.assertValid(questions, dto);
    // The saved draft is read after the request's lock: an autosave that committed meanwhile counts.
    const set = body ?? (await this.responses.draft(actor.organizationId, requestId, tx))?.set ?? { answers: [], comments: [] };
    if (!withBody) this.assertValid(questions, set);
    const missing = missingStatements(questions, set);
    if (missing.length) {
      throw new FeedbackException(
        FeedbackErrorCode.IncompleteSubmission,
        `${missing.length} statement${missing.length === 1 ? ' is' : 's are'} not answered yet: give a rating or choose "not observed"`,
        { errors: missing.map((q) => ({ field: 'answers', message: `"${q.key}" is not answered`, questionId: q.id })) },
      );
    }
    await this.nameColleagues(tx, actor, request.cycle.id, named);
    const progress = fullProgress(questions);
    const written = await this.responses.writeSubmission(
      actor.organizationId,
      request.cycle.id,
      requestId,
      set,
      progress.total,
      key ? { personId: actor.personId, key, hash } : null,
      tx,
    );
    // The cycle closed while this waited for it: nothing was written.
    if (!written.submittedAt) {
      this.assertAnswering(written.cycleState as CycleState);
      throw new Error(`request ${requestId} changed state under its row lock`);
    }
    // The key was stored meanwhile by another of this person's requests (this one was still open,
    // so it cannot be a retry of this submission): refused, and the transaction rolls back.
    if (!written.keyStored) throw idempotencyKeyReused();
    return { id: requestId, state: 'submitted', submittedAt: written.submittedAt, progress };
  }

  /** The followership question, in the submission's transaction: every name must be allowed, or nothing is submitted. */
  private async nameColleagues(tx: EntityManager, actor: Actor, cycleId: string, named: string[]): Promise<void> {
    if (!named.length) return;
    const allowed = new Set(await this.nominations.allowedNominees(actor.organizationId, actor.personId, named, tx));
    const refused = named.filter((id) => !allowed.has(id));
    if (refused.length) {
      throw new FeedbackException(
        FeedbackErrorCode.InvalidAnswers,
        'colleaguesNamed may name only active colleagues outside your reporting line: not yourself, your managers or your direct reports',
        { errors: refused.map(() => ({ field: 'colleaguesNamed', message: 'is not a colleague you can name here' })) },
      );
    }
    await this.nominations.add(actor.organizationId, cycleId, actor.personId, named, tx);
  }

  private replay(stored: StoredIdempotencyKey, hash: string): SubmissionDto {
    if (stored.hash !== hash) throw idempotencyKeyReused();
    return stored.response as SubmissionDto;
  }

  /** The request locked FOR UPDATE with the cycle's answers gate held shared; 404 unless the actor is its rater. */
  private async lockForRater(tx: EntityManager, actor: Actor, requestId: string, key: string | null): Promise<LockedRequest> {
    const locked = await this.responses.lockForAnswering(actor.organizationId, requestId, actor.personId, key, tx);
    if (!locked || !requestAccess(actor, { ...locked.request, cycleState: locked.request.cycle.state }).isRater) throw requestNotFound();
    return locked;
  }

  private canEdit(request: RequestRow): boolean {
    return ANSWERING_STATES.includes(request.cycle.state) && (request.state === 'open' || request.state === 'in_progress');
  }

  private assertAnswering(cycleState: CycleState): void {
    if (!ANSWERING_STATES.includes(cycleState)) {
      throw new FeedbackException(FeedbackErrorCode.CycleNotOpen, `The cycle is ${cycleState}: answers can no longer be changed. Your draft is kept.`, {
        cycleState,
      });
    }
  }

  private assertValid(questions: QuestionRow[], input: DraftDto | AnswerSet): void {
    const errors = answerSetErrors(questions, input);
    if (errors.length) {
      throw new FeedbackException(FeedbackErrorCode.InvalidAnswers, errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
    }
  }
}

function idempotencyKeyReused(): FeedbackException {
  return new FeedbackException(FeedbackErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request; use a new key', {
    errors: [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
  });
}

function fullProgress(questions: QuestionRow[]): { answered: number; total: number } {
  const total = questions.filter((q) => q.type === 'rating').length;
  return { answered: total, total };
}
