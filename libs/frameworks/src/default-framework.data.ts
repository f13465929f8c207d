/**
 * "Leadership at every level": the framework Ripple seeds on first start (see FRAMEWORK.md).
 * Plain data, so the seeder, the questionnaire and the report all read one source. The wording
 * is our own; every statement names something a colleague can see, so that a frequency answer
 * ("how often do you see this?") makes sense — opinions would need an agreement scale instead.
 */

/** Which report index a behaviour feeds: the influence index or the management index. */
export type BehaviourKind = 'influence' | 'management';

export const BEHAVIOUR_KINDS: readonly BehaviourKind[] = ['influence', 'management'];

export interface StatementDefinition {
  /** Stable across framework versions: `<behaviour key>.<n>`; answers and trends join on it. */
  key: string;
  text: string;
}

export interface BehaviourDefinition {
  key: string;
  name: string;
  description: string;
  kind: BehaviourKind;
  statements: readonly StatementDefinition[];
}

export interface OpenQuestionDefinition {
  key: string;
  text: string;
  /** Shown under the comment box: nudges raters towards specific, behaviour-based comments. */
  hint: string;
}

/** 1–5; "not observed" is stored as `null`, never as a number, so it cannot drag a mean down. */
export type RatingValue = 1 | 2 | 3 | 4 | 5;

export interface RatingScalePoint {
  value: RatingValue;
  label: string;
}

export interface RatingScaleDefinition {
  kind: 'frequency';
  points: readonly RatingScalePoint[];
  notObservedLabel: string;
}

export interface FrameworkDefinition {
  key: string;
  name: string;
  version: number;
  description: string;
  scale: RatingScaleDefinition;
  behaviours: readonly BehaviourDefinition[];
  openQuestions: readonly OpenQuestionDefinition[];
}

export const FREQUENCY_SCALE: RatingScaleDefinition = {
  kind: 'frequency',
  points: [
    { value: 1, label: 'Rarely' },
    { value: 2, label: 'Sometimes' },
    { value: 3, label: 'Often' },
    { value: 4, label: 'Very often' },
    { value: 5, label: 'Almost always' },
  ],
  notObservedLabel: 'Not observed',
};

// Behaviour order follows FRAMEWORK.md's table: influence first, then management, which is also
// the order the questionnaire and the report show them in.
const BEHAVIOURS: readonly BehaviourDefinition[] = [
  {
    key: 'listening',
    name: 'Listening',
    description: 'Listens actively and seeks to understand before responding.',
    kind: 'influence',
    statements: [
      { key: 'listening.1', text: 'Lets others finish what they are saying before replying.' },
      { key: 'listening.2', text: 'Asks a question to check what someone meant before giving their own view.' },
      { key: 'listening.3', text: 'Refers back to what others said, showing they took it in.' },
    ],
  },
  {
    key: 'empathy',
    name: 'Empathy',
    description: "Takes time to understand others' ambitions, concerns and motivations.",
    kind: 'influence',
    statements: [
      { key: 'empathy.1', text: 'Asks colleagues what they hope to achieve or learn in their work.' },
      { key: 'empathy.2', text: "Takes people's worries and workload into account when asking something of them." },
    ],
  },
  {
    key: 'trust',
    name: 'Building trust',
    description: 'Open about what they do and why, and keeps their word.',
    kind: 'influence',
    statements: [
      { key: 'trust.1', text: 'Explains the reasons behind their decisions.' },
      { key: 'trust.2', text: 'Does what they said they would do, or warns early when they cannot.' },
      { key: 'trust.3', text: 'Owns up to their mistakes openly.' },
    ],
  },
  {
    key: 'vision',
    name: 'Vision and purpose',
    description: 'Explains why the work matters and how daily tasks serve the bigger picture.',
    kind: 'influence',
    statements: [
      { key: 'vision.1', text: 'Says why a piece of work matters before discussing how to do it.' },
      { key: 'vision.2', text: 'Links everyday tasks to the wider goals of the team or organisation.' },
    ],
  },
  {
    key: 'influence',
    name: 'Influence without authority',
    description: 'Wins support through shared benefits and values rather than rank.',
    kind: 'influence',
    statements: [
      { key: 'influence.1', text: 'Wins support for an idea by showing what it offers the people involved.' },
      { key: 'influence.2', text: 'Persuades with reasons and shared values rather than job title or pressure.' },
      { key: 'influence.3', text: 'Invites others to shape a proposal, so that it becomes theirs too.' },
    ],
  },
  {
    key: 'conversations',
    name: 'Guiding conversations',
    description: 'Makes sure people get the right information at the right time, and understand it.',
    kind: 'influence',
    statements: [
      { key: 'conversations.1', text: 'Passes on information to the people who need it while it is still useful.' },
      { key: 'conversations.2', text: 'Ends a discussion by confirming what was agreed and who does what next.' },
    ],
  },
  {
    key: 'developing',
    name: 'Developing others',
    description: 'Helps colleagues grow and encourages them to lead too.',
    kind: 'influence',
    statements: [
      { key: 'developing.1', text: 'Gives specific feedback that helps colleagues do better next time.' },
      { key: 'developing.2', text: 'Hands others the chance to lead a piece of work or try something new.' },
      { key: 'developing.3', text: 'Shares what they know so that others can manage without them.' },
    ],
  },
  {
    key: 'self_leadership',
    name: 'Self-leadership',
    description: 'Takes responsibility, and returns to calm, purposeful action when under strain.',
    kind: 'influence',
    statements: [
      { key: 'self_leadership.1', text: 'Takes responsibility when something goes wrong instead of blaming others.' },
      { key: 'self_leadership.2', text: 'When under pressure, pauses and responds calmly rather than snapping back.' },
    ],
  },
  {
    key: 'adaptability',
    name: 'Adaptability',
    description: 'Meets people where they are and adjusts well when things change.',
    kind: 'influence',
    statements: [
      { key: 'adaptability.1', text: 'Changes the way they explain or work to suit the person in front of them.' },
      { key: 'adaptability.2', text: 'Adjusts their plans without fuss when priorities change.' },
    ],
  },
  {
    key: 'organising',
    name: 'Organising work',
    description: 'Breaks work down, sets clear priorities and plans ahead.',
    kind: 'management',
    statements: [
      { key: 'organising.1', text: 'Splits large pieces of work into clear, manageable steps.' },
      { key: 'organising.2', text: 'Makes clear which tasks come first, and why.' },
    ],
  },
  {
    key: 'resources',
    name: 'Managing resources',
    description: 'Uses budget, time and materials well.',
    kind: 'management',
    statements: [
      { key: 'resources.1', text: "Keeps meetings short and focused, respecting people's time." },
      { key: 'resources.2', text: 'Spends money and materials carefully and stays within the agreed budget.' },
    ],
  },
  {
    key: 'results',
    name: 'Delivering results',
    description: 'Sets measurable goals, tracks progress and holds people to account fairly.',
    kind: 'management',
    statements: [
      { key: 'results.1', text: 'Sets goals that make it clear how success will be measured.' },
      { key: 'results.2', text: 'Follows up on progress and acts early when work falls behind.' },
      { key: 'results.3', text: 'Holds everyone to the same standard when commitments are missed.' },
    ],
  },
];

const OPEN_QUESTIONS: readonly OpenQuestionDefinition[] = [
  {
    key: 'keep_doing',
    text: 'What should this person keep doing?',
    hint: 'Describe a situation, what they did, and the effect it had.',
  },
  {
    key: 'greater_influence',
    text: 'What would make their influence greater?',
    hint: 'Suggest one thing they could start or do differently, and say where it would help.',
  },
  {
    key: 'anything_else',
    text: 'Is there anything else you would like to tell them?',
    hint: 'Stick to what you have seen them do, not to guesses about their character.',
  },
];

export const DEFAULT_FRAMEWORK: FrameworkDefinition = {
  key: 'leadership-at-every-level',
  name: 'Leadership at every level',
  version: 1,
  description:
    'Leadership is influence, not authority: anyone can lead, sideways, upwards and downwards. ' +
    'This framework rates the behaviours that build influence and those that turn goals into results.',
  scale: FREQUENCY_SCALE,
  behaviours: BEHAVIOURS,
  openQuestions: OPEN_QUESTIONS,
};
