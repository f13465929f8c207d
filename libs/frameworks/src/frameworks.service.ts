import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { translator, type Actor, type Language } from '@lib/common';
import { PeopleRepository } from '@lib/identity';
import { DEFAULT_FRAMEWORK } from './default-framework.data';
import { contentOf, FrameworkContent, FrameworkInput, validateFrameworkContent, withGerman } from './framework-definition';
import { CreateFrameworkDto, FrameworkContentDto, FrameworkDetailDto, FrameworkListDto, FrameworkVersionDto, RatingScaleDto } from './framework.dto';
import { FrameworksErrorCode, FrameworksException } from './frameworks.exception';
import { FrameworksRepository, scaleDto } from './frameworks.repository';

/** Which words a framework is read in: its own (the source, for the editor) or the reader's language. */
export type FrameworkWords = 'source' | 'reader';

/** The frequency scale's labels in a language (the server catalogue's `scale.*`). */
function scaleIn(language: Language): RatingScaleDto {
  const words = translator(language);
  const scale = scaleDto();
  return {
    ...scale,
    points: scale.points.map((p) => ({ ...p, label: words.t(`scale.${p.value as 1 | 2 | 3 | 4 | 5}`) })),
    notObservedLabel: words.t('scale.notObserved'),
  };
}

@Injectable()
export class FrameworksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly frameworks: FrameworksRepository,
    private readonly audit: AuditService,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * Seeds the default framework when the organisation has none; returns the organisation's first
   * framework either way. Safe under concurrency (a transaction-scoped advisory lock per
   * organisation), so HR opening two tabs never gets two default frameworks.
   */
  async ensureDefault(organizationId: string, tx?: EntityManager): Promise<string> {
    const existing = await this.frameworks.firstId(organizationId, tx);
    if (existing) return existing;
    const seed = async (m: EntityManager): Promise<string> => {
      await this.frameworks.lockSeeding(organizationId, m);
      const again = await this.frameworks.firstId(organizationId, m);
      if (again) return again;
      const content = withGerman(contentOf(DEFAULT_FRAMEWORK));
      const id = await this.frameworks.insertFramework(organizationId, content.name, content.description, m);
      await this.frameworks.insertVersion(organizationId, id, DEFAULT_FRAMEWORK.version, null, content, m);
      return id;
    };
    return tx ? seed(tx) : this.db.transaction(seed);
  }

  /** A version's questionnaire in order (behaviours with their statements, then open questions). */
  async getVersion(organizationId: string, versionId: string, tx?: EntityManager): Promise<FrameworkVersionDto> {
    const version = await this.frameworks.loadVersion(organizationId, versionId, tx);
    if (!version) throw new FrameworksException(FrameworksErrorCode.VersionNotFound, 'Framework version not found');
    return version;
  }

  /** The latest version of a framework of the organisation, or a 404. */
  async latestVersionId(organizationId: string, frameworkId: string, tx?: EntityManager): Promise<string> {
    const latest = await this.frameworks.latestVersion(organizationId, frameworkId, tx);
    if (!latest) throw FrameworksException.frameworkNotFound();
    return latest.id;
  }

  /**
   * For a cycle's launch, in its transaction: the latest version, with the framework row held
   * FOR SHARE until commit. An edit (FOR UPDATE) waits, so the version frozen is complete and the
   * edit then sees it in use and creates the next version.
   */
  async latestVersionIdForLaunch(organizationId: string, frameworkId: string, tx: EntityManager): Promise<string> {
    if (!(await this.frameworks.findFramework(organizationId, frameworkId, tx, 'share'))) throw FrameworksException.frameworkNotFound();
    return this.latestVersionId(organizationId, frameworkId, tx);
  }

  async list(actor: Actor): Promise<FrameworkListDto> {
    await this.ensureDefault(actor.organizationId);
    // Only the scale has words to read here (names are HR's own): in the reader's language.
    const language = await this.people.language(actor.organizationId, actor.personId);
    return { items: await this.frameworks.list(actor.organizationId), scale: scaleIn(language) };
  }

  /**
   * One framework with its latest version: in its own words (the editor loads and saves those), or,
   * with `words: 'reader'`, for reading: the behaviours, statements, open questions and scale in
   * the reader's language (their own, else their organisation's).
   */
  async get(actor: Actor, id: string, tx?: EntityManager, words: FrameworkWords = 'source'): Promise<FrameworkDetailDto> {
    const org = actor.organizationId;
    const framework = await this.frameworks.findFramework(org, id, tx);
    if (!framework) throw FrameworksException.frameworkNotFound();
    const latest = (await this.frameworks.latestVersion(org, id, tx))!;
    const language = words === 'reader' ? await this.people.language(org, actor.personId) : null;
    const scale = language ? scaleIn(language) : scaleDto();
    const version = (await this.frameworks.loadVersion(org, latest.id, tx, language))!;
    return {
      ...framework,
      scale,
      latestVersion: { ...version, scale },
      latestVersionInUse: await this.frameworks.isVersionInUse(org, latest.id, tx),
      versions: await this.frameworks.versions(org, id, tx),
      cycles: await this.frameworks.cycles(org, id, tx),
    };
  }

  async create(actor: Actor, dto: CreateFrameworkDto): Promise<FrameworkDetailDto> {
    const org = actor.organizationId;
    if (dto.copyFrom && (dto.behaviours || dto.openQuestions)) {
      throw invalid([{ field: 'copyFrom', message: 'Give either copyFrom or behaviours, not both' }]);
    }
    return this.db.transaction(async (tx) => {
      let content: FrameworkContent;
      if (dto.copyFrom) {
        const source = await this.frameworks.latestVersion(org, dto.copyFrom, tx);
        if (!source) throw FrameworksException.frameworkNotFound();
        const version = (await this.frameworks.loadVersion(org, source.id, tx))!;
        content = {
          ...copyContent(version),
          name: dto.name.trim(),
          description: dto.description?.trim() ?? (await this.frameworks.findFramework(org, dto.copyFrom, tx))!.description,
        };
        if (!content.name) throw invalid([{ field: 'name', message: 'name is required' }]);
      } else {
        if (!dto.behaviours) throw invalid([{ field: 'behaviours', message: 'behaviours are required (or copyFrom)' }]);
        content = validated({ name: dto.name, description: dto.description, behaviours: dto.behaviours, openQuestions: dto.openQuestions });
      }
      const id = await this.frameworks.insertFramework(org, content.name, content.description, tx);
      await this.frameworks.insertVersion(org, id, 1, actor.personId, content, tx);
      await this.audit.record(actor, { action: 'framework.created', targetType: 'framework', targetId: id, details: { copyFrom: dto.copyFrom ?? null } }, tx);
      return this.get(actor, id, tx);
    });
  }

  /**
   * Replaces the definition. When a launched cycle has frozen the latest version, the change
   * becomes version N+1 and that cycle's questionnaire stays as it was; otherwise the latest
   * version is edited in place (no answers can refer to it yet).
   */
  async replace(actor: Actor, id: string, dto: FrameworkContentDto): Promise<FrameworkDetailDto> {
    const org = actor.organizationId;
    const content = validated(dto);
    return this.db.transaction(async (tx) => {
      // FOR UPDATE waits for a launch in progress (it holds FOR SHARE on the framework).
      if (!(await this.frameworks.findFramework(org, id, tx, 'update'))) throw FrameworksException.frameworkNotFound();
      const latest = (await this.frameworks.latestVersion(org, id, tx))!;
      const newVersion = await this.frameworks.isVersionInUse(org, latest.id, tx);
      if (newVersion) await this.frameworks.insertVersion(org, id, latest.version + 1, actor.personId, content, tx);
      else await this.frameworks.replaceContent(org, latest.id, content, tx);
      await this.frameworks.updateFramework(org, id, content.name, content.description, tx);
      await this.audit.record(
        actor,
        {
          action: 'framework.updated',
          targetType: 'framework',
          targetId: id,
          details: { version: newVersion ? latest.version + 1 : latest.version, newVersion },
        },
        tx,
      );
      return this.get(actor, id, tx);
    });
  }
}

const invalid = (errors: { field: string; message: string }[]): FrameworksException =>
  new FrameworksException(FrameworksErrorCode.InvalidFramework, errors.map((e) => e.message).join('; '), { errors });

function validated(input: FrameworkInput): FrameworkContent {
  const result = validateFrameworkContent(input);
  if (!result.ok) throw invalid(result.errors);
  return result.content;
}

function copyContent(version: FrameworkVersionDto): Omit<FrameworkContent, 'name' | 'description'> {
  return {
    behaviours: version.behaviours.map((b) => ({
      key: b.key,
      name: b.name,
      description: b.description,
      kind: b.kind,
      statements: b.statements.map((s) => ({ key: s.key, text: s.text, translations: s.translations })),
      translations: b.translations,
    })),
    openQuestions: version.openQuestions.map((q) => ({ key: q.key, text: q.text, hint: q.hint, translations: q.translations })),
  };
}
