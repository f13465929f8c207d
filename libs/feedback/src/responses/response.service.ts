import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '@lib/common';
import { ANSWERING_STATES, answerAudience, explainAnswerAudience, isRepeatedSubmit, requestTransition } from '@lib/cycles';
import { FREQUENCY_SCALE } from '@lib/frameworks';
import { FeedbackErrorCode, FeedbackException, requestNotFound } from '../feedback.exception';
import { NominationsRepository } from '../followership/nominations.repository';
import { RequestRow, RequestsRepository } from '../requests/requests.repository';
import { requestAccess } from '../shared/access';
import { AnswerSet, answerSetErrors, missingStatements, normaliseAnswerSet, progressOf, submissionHash } from './answer-rules';
import { DraftDto, DraftSavedDto, QuestionnaireDto, SubmissionDto, SubmitDto } from './response.dto';
import { QuestionRow, ResponsesRepository } from './responses.repository';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,100}$/;
/** Deadlock, serialization failure, unique violation: a concurrent twin got there first; run again and see its result. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

/** The rater's side: the questionnaire, the draft, the one submission. Nobody else ever reads it. */
@Injectable()
export class ResponseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestsRepository,
    private readonly responses: ResponsesRepository,
    private readonly nominations: NominationsRepository,
  ) {}

  async questionnaire(actor: Actor, requestId: string): Promise<QuestionnaireDto> {
    const request = await this.requests.findRequest(actor.organizationId, requestId);
    if (!request || !requestAccess(actor, { ...request, cycleState: request.cycle.state }).isRater) throw requestNotFound();
    const questions = await this.responses.questions(actor.organizationId, request.cycle.frameworkVersionId);
    const draft = await this.responses.draft(actor.organizationId, requestId);
    const set = draft?.set ?? { answers: [], comments: [] };
    const behaviours = new Map<string, QuestionnaireDto['behaviours'][number]>();
    for (const q of questions) {
      if (q.type !== 'rating' || !q.behaviour) continue;
      let behaviour = behaviours.get(q.behaviour.id);
      if (!behaviour) behaviours.set(q.behaviour.id, (behaviour = { ...q.behaviour, statements: [] }));
      behaviour.statements.push({ id: q.id, key: q.key, text: q.text });
    }
    const audience = answerAudience(request.relationship, request.cycle.settings, { isAdmin: actor.role === 'admin' });
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
      answerAudience: { ...audience, explanation: explainAnswerAudience(audience, request.subjectName) },
      scale: { points: FREQUENCY_SCALE.points.map((p) => ({ value: p.value, label: p.label })), notObservedLabel: FREQUENCY_SCALE.notObservedLabel },
      behaviours: [...behaviours.values()],
      openQuestions: questions.filter((q) => q.type === 'open').map((q) => ({ id: q.id, key: q.key, text: q.text, hint: q.hint })),
      draft: set,
      progress: request.state === 'submitted' ? fullProgress(questions) : progressOf(questions, set),
      savedAt: draft?.savedAt.toISOString() ?? null,
      submittedAt: request.submittedAt?.toISOString() ?? null,
      withdrawnReason: request.withdrawn ? request.reason : null,
    };
  }

  async saveDraft(actor: Actor, requestId: string, dto: DraftDto): Promise<DraftSavedDto> {
    return this.db.transaction(async (tx) => {
      const request = await this.loadForRater(tx, actor, requestId);
      this.assertAnswering(request);
      const next = requestTransition(request.state, 'save-draft');
      const questions = await this.responses.questions(actor.organizationId, request.cycle.frameworkVersionId, tx);
      this.assertValid(questions, dto);
      const set = normaliseAnswerSet(dto);
      const savedAt = await this.responses.saveDraft(actor.organizationId, request.cycle.id, requestId, set, tx);
      if (request.state === 'open') await this.responses.markInProgress(actor.organizationId, requestId, tx);
      return { id: requestId, state: next, savedAt: savedAt.toISOString(), progress: progressOf(questions, set) };
    });
  }

  /**
   * Exactly one submission per request: the request row is locked, so concurrent submits queue;
   * the first writes the answers, the others find it submitted and return the same result. An
   * Idempotency-Key replays the stored result, and refuses a different body.
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
    const request = await this.loadForRater(tx, actor, requestId);
    const body = withBody ? normaliseAnswerSet(dto) : null;
    const named = [...new Set((dto.colleaguesNamed ?? []).map((id) => id.toLowerCase()))];
    const hash = submissionHash(requestId, body, named);
    if (key) {
      const stored = await this.responses.findIdempotencyKey(actor.organizationId, actor.personId, key, tx);
      if (stored) return this.replay(stored, hash);
    }
    const questions = await this.responses.questions(actor.organizationId, request.cycle.frameworkVersionId, tx);
    let result: SubmissionDto;
    if (isRepeatedSubmit(request.state, 'submit')) {
      // A retry after success: the one submission stands, whatever this body says.
      result = { id: requestId, state: 'submitted', submittedAt: request.submittedAt!.toISOString(), progress: fullProgress(questions) };
    } else {
      this.assertAnswering(request);
      requestTransition(request.state, 'submit');
      if (withBody) this.assertValid(questions, dto);
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
      await this.responses.insertAnswers(actor.organizationId, request.cycle.id, requestId, set, tx);
      const submittedAt = await this.responses.markSubmitted(actor.organizationId, requestId, tx);
      if (!submittedAt) throw new Error(`request ${requestId} changed state under its row lock`);
      await this.responses.saveDraft(actor.organizationId, request.cycle.id, requestId, set, tx, true);
      result = { id: requestId, state: 'submitted', submittedAt: submittedAt.toISOString(), progress: fullProgress(questions) };
    }
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

  private replay(stored: { hash: string; response: unknown }, hash: string): SubmissionDto {
    if (stored.hash !== hash) {
      throw new FeedbackException(FeedbackErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request; use a new key', {
        errors: [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
      });
    }
    return stored.response as SubmissionDto;
  }

  /** Cycle FOR SHARE first (a close waits for us), then the request FOR UPDATE; 404 unless the actor is its rater. */
  private async loadForRater(tx: EntityManager, actor: Actor, requestId: string): Promise<RequestRow> {
    const cycleId = await this.requests.cycleIdOf(actor.organizationId, requestId, tx);
    if (!cycleId) throw requestNotFound();
    await this.requests.findCycle(actor.organizationId, cycleId, tx, true);
    const request = await this.requests.findRequest(actor.organizationId, requestId, tx, true);
    if (!request || !requestAccess(actor, { ...request, cycleState: request.cycle.state }).isRater) throw requestNotFound();
    return request;
  }

  private canEdit(request: RequestRow): boolean {
    return ANSWERING_STATES.includes(request.cycle.state) && (request.state === 'open' || request.state === 'in_progress');
  }

  private assertAnswering(request: RequestRow): void {
    if (!ANSWERING_STATES.includes(request.cycle.state)) {
      throw new FeedbackException(
        FeedbackErrorCode.CycleNotOpen,
        `The cycle is ${request.cycle.state}: answers can no longer be changed. Your draft is kept.`,
        {
          cycleState: request.cycle.state,
        },
      );
    }
  }

  private assertValid(questions: QuestionRow[], input: DraftDto | AnswerSet): void {
    const errors = answerSetErrors(questions, input);
    if (errors.length) {
      throw new FeedbackException(FeedbackErrorCode.InvalidAnswers, errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
    }
  }
}

function fullProgress(questions: QuestionRow[]): { answered: number; total: number } {
  const total = questions.filter((q) => q.type === 'rating').length;
  return { answered: total, total };
}
