import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations that took the default framework before it shipped with German (1795401560000 added
 * the columns, empty) have copies of it with no German at all: a German rater would read every
 * statement in English. This fills in the standard German wherever a behaviour, statement or open
 * question still says exactly what the standard framework says, by key and English text, in any of
 * an organisation's frameworks and versions. Text HR edited is never touched (its German would no
 * longer match it), nor German already there. Answers join on question ids, which do not change, so
 * reports compare like with like. The standard texts are copied here, as they were when this
 * shipped (libs/frameworks default-framework.data.ts and .de.ts; migrations import no library).
 */
const BEHAVIOURS: [key: string, name: string, description: string, de: { name: string; description: string }][] = [
  [
    'listening',
    'Listening',
    'Listens actively and seeks to understand before responding.',
    { name: 'Zuhören', description: 'Hört aktiv zu und versucht zu verstehen, bevor geantwortet wird.' },
  ],
  [
    'empathy',
    'Empathy',
    "Takes time to understand others' ambitions, concerns and motivations.",
    { name: 'Empathie', description: 'Nimmt sich Zeit, die Ziele, Sorgen und Beweggründe anderer zu verstehen.' },
  ],
  [
    'trust',
    'Building trust',
    'Open about what they do and why, and keeps their word.',
    { name: 'Vertrauen aufbauen', description: 'Legt offen, was getan wird und warum, und hält Wort.' },
  ],
  [
    'vision',
    'Vision and purpose',
    'Explains why the work matters and how daily tasks serve the bigger picture.',
    { name: 'Vision und Sinn', description: 'Erklärt, warum die Arbeit wichtig ist und wie die täglichen Aufgaben dem großen Ganzen dienen.' },
  ],
  [
    'influence',
    'Influence without authority',
    'Wins support through shared benefits and values rather than rank.',
    { name: 'Einfluss ohne Weisungsbefugnis', description: 'Gewinnt Unterstützung durch gemeinsamen Nutzen und gemeinsame Werte statt durch Rang.' },
  ],
  [
    'conversations',
    'Guiding conversations',
    'Makes sure people get the right information at the right time, and understand it.',
    { name: 'Gespräche lenken', description: 'Sorgt dafür, dass die richtigen Informationen zur richtigen Zeit ankommen und verstanden werden.' },
  ],
  [
    'developing',
    'Developing others',
    'Helps colleagues grow and encourages them to lead too.',
    { name: 'Andere entwickeln', description: 'Hilft Kolleginnen und Kollegen zu wachsen und ermutigt sie, selbst Führung zu übernehmen.' },
  ],
  [
    'self_leadership',
    'Self-leadership',
    'Takes responsibility, and returns to calm, purposeful action when under strain.',
    { name: 'Selbstführung', description: 'Übernimmt Verantwortung und findet unter Druck zu ruhigem, zielgerichtetem Handeln zurück.' },
  ],
  [
    'adaptability',
    'Adaptability',
    'Meets people where they are and adjusts well when things change.',
    { name: 'Anpassungsfähigkeit', description: 'Holt Menschen dort ab, wo sie stehen, und stellt sich gut auf Veränderungen ein.' },
  ],
  [
    'organising',
    'Organising work',
    'Breaks work down, sets clear priorities and plans ahead.',
    { name: 'Arbeit organisieren', description: 'Zerlegt Arbeit in Schritte, setzt klare Prioritäten und plant voraus.' },
  ],
  [
    'resources',
    'Managing resources',
    'Uses budget, time and materials well.',
    { name: 'Ressourcen steuern', description: 'Geht gut mit Budget, Zeit und Material um.' },
  ],
  [
    'results',
    'Delivering results',
    'Sets measurable goals, tracks progress and holds people to account fairly.',
    { name: 'Ergebnisse liefern', description: 'Setzt messbare Ziele, verfolgt den Fortschritt und zieht alle fair zur Verantwortung.' },
  ],
];

const STATEMENTS: [key: string, text: string, de: string][] = [
  ['listening.1', 'Lets others finish what they are saying before replying.', 'Lässt andere ausreden, bevor selbst geantwortet wird.'],
  [
    'listening.2',
    'Asks a question to check what someone meant before giving their own view.',
    'Fragt nach, wie etwas gemeint war, bevor die eigene Sicht dargelegt wird.',
  ],
  ['listening.3', 'Refers back to what others said, showing they took it in.', 'Greift auf, was andere gesagt haben, und zeigt so, dass es angekommen ist.'],
  [
    'empathy.1',
    'Asks colleagues what they hope to achieve or learn in their work.',
    'Fragt Kolleginnen und Kollegen, was sie in ihrer Arbeit erreichen oder lernen möchten.',
  ],
  [
    'empathy.2',
    "Takes people's worries and workload into account when asking something of them.",
    'Berücksichtigt Sorgen und Arbeitslast anderer, bevor etwas von ihnen verlangt wird.',
  ],
  ['trust.1', 'Explains the reasons behind their decisions.', 'Erklärt die Gründe für eigene Entscheidungen.'],
  [
    'trust.2',
    'Does what they said they would do, or warns early when they cannot.',
    'Hält Zusagen ein oder sagt frühzeitig Bescheid, wenn das nicht möglich ist.',
  ],
  ['trust.3', 'Owns up to their mistakes openly.', 'Steht offen zu eigenen Fehlern.'],
  [
    'vision.1',
    'Says why a piece of work matters before discussing how to do it.',
    'Sagt, warum eine Aufgabe wichtig ist, bevor besprochen wird, wie sie zu erledigen ist.',
  ],
  [
    'vision.2',
    'Links everyday tasks to the wider goals of the team or organisation.',
    'Verbindet alltägliche Aufgaben mit den übergeordneten Zielen des Teams oder der Organisation.',
  ],
  [
    'influence.1',
    'Wins support for an idea by showing what it offers the people involved.',
    'Gewinnt Unterstützung für eine Idee, indem gezeigt wird, was sie den Beteiligten bringt.',
  ],
  [
    'influence.2',
    'Persuades with reasons and shared values rather than job title or pressure.',
    'Überzeugt mit Argumenten und gemeinsamen Werten statt mit Position oder Druck.',
  ],
  [
    'influence.3',
    'Invites others to shape a proposal, so that it becomes theirs too.',
    'Lädt andere ein, einen Vorschlag mitzugestalten, sodass er auch zu ihrem wird.',
  ],
  [
    'conversations.1',
    'Passes on information to the people who need it while it is still useful.',
    'Gibt Informationen an die Menschen weiter, die sie brauchen, solange sie noch nützlich sind.',
  ],
  [
    'conversations.2',
    'Ends a discussion by confirming what was agreed and who does what next.',
    'Schließt eine Besprechung ab, indem festgehalten wird, was vereinbart ist und wer als Nächstes was tut.',
  ],
  [
    'developing.1',
    'Gives specific feedback that helps colleagues do better next time.',
    'Gibt konkretes Feedback, das anderen hilft, es beim nächsten Mal besser zu machen.',
  ],
  [
    'developing.2',
    'Hands others the chance to lead a piece of work or try something new.',
    'Gibt anderen die Gelegenheit, eine Aufgabe zu leiten oder etwas Neues auszuprobieren.',
  ],
  [
    'developing.3',
    'Shares what they know so that others can manage without them.',
    'Teilt eigenes Wissen, sodass andere auch ohne diese Person zurechtkommen.',
  ],
  [
    'self_leadership.1',
    'Takes responsibility when something goes wrong instead of blaming others.',
    'Übernimmt Verantwortung, wenn etwas schiefgeht, statt anderen die Schuld zu geben.',
  ],
  [
    'self_leadership.2',
    'When under pressure, pauses and responds calmly rather than snapping back.',
    'Hält unter Druck inne und reagiert ruhig, statt gereizt zu antworten.',
  ],
  [
    'adaptability.1',
    'Changes the way they explain or work to suit the person in front of them.',
    'Passt die eigene Art zu erklären oder zu arbeiten an das jeweilige Gegenüber an.',
  ],
  ['adaptability.2', 'Adjusts their plans without fuss when priorities change.', 'Passt Pläne ohne Aufhebens an, wenn sich Prioritäten ändern.'],
  ['organising.1', 'Splits large pieces of work into clear, manageable steps.', 'Teilt große Aufgaben in klare, überschaubare Schritte auf.'],
  ['organising.2', 'Makes clear which tasks come first, and why.', 'Macht klar, welche Aufgaben Vorrang haben und warum.'],
  ['resources.1', "Keeps meetings short and focused, respecting people's time.", 'Hält Besprechungen kurz und fokussiert und achtet die Zeit der anderen.'],
  [
    'resources.2',
    'Spends money and materials carefully and stays within the agreed budget.',
    'Geht sorgsam mit Geld und Material um und bleibt im vereinbarten Budget.',
  ],
  ['results.1', 'Sets goals that make it clear how success will be measured.', 'Setzt Ziele, bei denen klar ist, woran Erfolg gemessen wird.'],
  [
    'results.2',
    'Follows up on progress and acts early when work falls behind.',
    'Verfolgt den Fortschritt nach und handelt früh, wenn Arbeit in Verzug gerät.',
  ],
  [
    'results.3',
    'Holds everyone to the same standard when commitments are missed.',
    'Legt an alle denselben Maßstab an, wenn Zusagen nicht eingehalten werden.',
  ],
];

const OPEN_QUESTIONS: [key: string, text: string, hint: string | null, de: { text: string; hint: string }][] = [
  [
    'keep_doing',
    'What should this person keep doing?',
    'Describe a situation, what they did, and the effect it had.',
    { text: 'Was sollte diese Person beibehalten?', hint: 'Beschreiben Sie eine Situation, was die Person getan hat und welche Wirkung es hatte.' },
  ],
  [
    'greater_influence',
    'What would make their influence greater?',
    'Suggest one thing they could start or do differently, and say where it would help.',
    {
      text: 'Was würde ihren Einfluss vergrößern?',
      hint: 'Schlagen Sie eine Sache vor, die sie anfangen oder anders machen könnte, und sagen Sie, wo es helfen würde.',
    },
  ],
  [
    'anything_else',
    'Is there anything else you would like to tell them?',
    'Stick to what you have seen them do, not to guesses about their character.',
    {
      text: 'Möchten Sie ihr sonst noch etwas mitteilen?',
      hint: 'Bleiben Sie bei dem, was Sie die Person haben tun sehen, statt Vermutungen über ihren Charakter anzustellen.',
    },
  ],
];

export class BackfillStandardFrameworkGerman1795401745000 implements MigrationInterface {
  name = 'BackfillStandardFrameworkGerman1795401745000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE behaviours b
          SET translations = b.translations || jsonb_build_object('de', x.de::jsonb)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(key, name, description, de)
        WHERE b.key = x.key AND b.name = x.name AND b.description = x.description AND NOT b.translations ? 'de'`,
      [BEHAVIOURS.map((r) => r[0]), BEHAVIOURS.map((r) => r[1]), BEHAVIOURS.map((r) => r[2]), BEHAVIOURS.map((r) => JSON.stringify(r[3]))],
    );
    await q.query(
      `UPDATE questions q
          SET translations = q.translations || jsonb_build_object('de', jsonb_build_object('text', x.de))
         FROM unnest($1::text[], $2::text[], $3::text[]) AS x(key, text, de)
        WHERE q.type = 'rating' AND q.key = x.key AND q.text = x.text AND NOT q.translations ? 'de'`,
      [STATEMENTS.map((r) => r[0]), STATEMENTS.map((r) => r[1]), STATEMENTS.map((r) => r[2])],
    );
    await q.query(
      `UPDATE questions q
          SET translations = q.translations || jsonb_build_object('de', x.de::jsonb)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(key, text, hint, de)
        WHERE q.type = 'open' AND q.key = x.key AND q.text = x.text AND q.hint IS NOT DISTINCT FROM x.hint AND NOT q.translations ? 'de'`,
      [OPEN_QUESTIONS.map((r) => r[0]), OPEN_QUESTIONS.map((r) => r[1]), OPEN_QUESTIONS.map((r) => r[2]), OPEN_QUESTIONS.map((r) => JSON.stringify(r[3]))],
    );
  }

  /**
   * Takes the standard German off the texts that still match the standard English: those this filled
   * in, and likewise those of frameworks seeded with German since (they are the same text, and the
   * schema before this migration is the same, so the older code reads them all in English again).
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE behaviours b SET translations = b.translations - 'de'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(key, name, description, de)
        WHERE b.key = x.key AND b.name = x.name AND b.description = x.description AND b.translations->'de' = x.de::jsonb`,
      [BEHAVIOURS.map((r) => r[0]), BEHAVIOURS.map((r) => r[1]), BEHAVIOURS.map((r) => r[2]), BEHAVIOURS.map((r) => JSON.stringify(r[3]))],
    );
    await q.query(
      `UPDATE questions q SET translations = q.translations - 'de'
         FROM unnest($1::text[], $2::text[], $3::text[]) AS x(key, text, de)
        WHERE q.type = 'rating' AND q.key = x.key AND q.text = x.text AND q.translations->'de' = jsonb_build_object('text', x.de)`,
      [STATEMENTS.map((r) => r[0]), STATEMENTS.map((r) => r[1]), STATEMENTS.map((r) => r[2])],
    );
    await q.query(
      `UPDATE questions q SET translations = q.translations - 'de'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(key, text, hint, de)
        WHERE q.type = 'open' AND q.key = x.key AND q.text = x.text AND q.translations->'de' = x.de::jsonb`,
      [OPEN_QUESTIONS.map((r) => r[0]), OPEN_QUESTIONS.map((r) => r[1]), OPEN_QUESTIONS.map((r) => r[2]), OPEN_QUESTIONS.map((r) => JSON.stringify(r[3]))],
    );
  }
}
