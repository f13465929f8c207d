/** Comments a colleague might write, per open question: specific and about behaviour. */
export const DEMO_COMMENTS: Record<string, string[]> = {
  keep_doing: [
    'When the loan negotiations stalled, you set out what each side needed in one page. Keep doing that: it got us moving again.',
    'You always check what the visitor team has heard before changing a plan. People feel listened to.',
    'Keep sharing the reasons behind a decision in the Monday stand-up; it saves a lot of corridor guessing.',
    'You give credit by name when an idea came from someone else. Please keep doing it.',
    'Keep asking the quieter people in a meeting for their view; we hear things we would otherwise miss.',
    'The way you walked the new hosts through the gallery story made them confident on day one.',
    'You follow up on what you promised, even the small things. That is why people trust you.',
    'Keep linking our daily tasks to the museum plan. The learning team understood why the schedule changed.',
    'You stay calm when an installation goes wrong and you sort the next step first. Keep that.',
    'You ask for help early instead of waiting for a crisis, and it shows others that is fine.',
  ],
  greater_influence: [
    'Bring the finance view into project kick-offs earlier; your ideas would land better if the cost questions were answered up front.',
    'Say no more clearly when the team is full. Right now requests pile up and deadlines slip.',
    'Share your plans with other departments before they are final; they sometimes hear about changes late.',
    'Delegate the exhibition checklists: others could learn from owning them, and you would have time for the bigger picture.',
    'When you disagree in a meeting, say it in the meeting rather than afterwards. Your view matters and people want to hear it.',
    'Set written priorities for the month. In busy weeks it is hard to know what comes first.',
    'Give feedback closer to the moment; waiting for the one-to-one makes it harder to act on.',
    'Explain the "why" when you change a rota. The change itself is usually fine.',
    'Spend time with the front-of-house team on the gallery floor; your ideas would reach them more directly.',
    'Invite people from outside your team into your planning sessions. You have more supporters than you think.',
  ],
  anything_else: [
    'Thank you for covering the school visits in March; it made a real difference to us.',
    'It has been a good year to work alongside you.',
    'The new onboarding pack you started is already being copied by other teams.',
    'I appreciated the honest conversation about the budget cuts.',
    'You made the reopening weekend feel like a team effort.',
  ],
};

export const DEMO_SELF_COMMENTS: Record<string, string[]> = {
  keep_doing: [
    'Keeping my team informed about why we change plans.',
    'Making time for one-to-ones even in busy weeks.',
    'Asking for feedback after big projects.',
  ],
  greater_influence: [
    'I want to involve other departments earlier in my plans.',
    'I should delegate more and coach people through it.',
    'I need to be clearer about priorities when things get busy.',
  ],
  anything_else: ['I would like more chances to lead cross-museum projects.'],
};
