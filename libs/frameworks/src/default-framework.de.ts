/**
 * The default framework in German, keyed by the English one's keys (behaviour, statement, open
 * question): a rater answers the same statement, by id, in either language, so the report compares
 * like with like. Statements are neutral third-person descriptions of what a colleague can observe
 * (no "du", no "Sie"), as German 360° questionnaires phrase them; "Führungskraft", "Mitarbeitende"
 * and "Team" are used throughout. default-framework.data.spec.ts checks that every key is covered.
 */
export const DEFAULT_FRAMEWORK_DE = {
  behaviours: {
    listening: { name: 'Zuhören', description: 'Hört aktiv zu und versucht zu verstehen, bevor geantwortet wird.' },
    empathy: { name: 'Empathie', description: 'Nimmt sich Zeit, die Ziele, Sorgen und Beweggründe anderer zu verstehen.' },
    trust: { name: 'Vertrauen aufbauen', description: 'Legt offen, was getan wird und warum, und hält Wort.' },
    vision: { name: 'Vision und Sinn', description: 'Erklärt, warum die Arbeit wichtig ist und wie die täglichen Aufgaben dem großen Ganzen dienen.' },
    influence: { name: 'Einfluss ohne Weisungsbefugnis', description: 'Gewinnt Unterstützung durch gemeinsamen Nutzen und gemeinsame Werte statt durch Rang.' },
    conversations: {
      name: 'Gespräche lenken',
      description: 'Sorgt dafür, dass die richtigen Informationen zur richtigen Zeit ankommen und verstanden werden.',
    },
    developing: { name: 'Andere entwickeln', description: 'Hilft Kolleginnen und Kollegen zu wachsen und ermutigt sie, selbst Führung zu übernehmen.' },
    self_leadership: { name: 'Selbstführung', description: 'Übernimmt Verantwortung und findet unter Druck zu ruhigem, zielgerichtetem Handeln zurück.' },
    adaptability: { name: 'Anpassungsfähigkeit', description: 'Holt Menschen dort ab, wo sie stehen, und stellt sich gut auf Veränderungen ein.' },
    organising: { name: 'Arbeit organisieren', description: 'Zerlegt Arbeit in Schritte, setzt klare Prioritäten und plant voraus.' },
    resources: { name: 'Ressourcen steuern', description: 'Geht gut mit Budget, Zeit und Material um.' },
    results: { name: 'Ergebnisse liefern', description: 'Setzt messbare Ziele, verfolgt den Fortschritt und zieht alle fair zur Verantwortung.' },
  },
  statements: {
    'listening.1': 'Lässt andere ausreden, bevor selbst geantwortet wird.',
    'listening.2': 'Fragt nach, wie etwas gemeint war, bevor die eigene Sicht dargelegt wird.',
    'listening.3': 'Greift auf, was andere gesagt haben, und zeigt so, dass es angekommen ist.',
    'empathy.1': 'Fragt Kolleginnen und Kollegen, was sie in ihrer Arbeit erreichen oder lernen möchten.',
    'empathy.2': 'Berücksichtigt Sorgen und Arbeitslast anderer, bevor etwas von ihnen verlangt wird.',
    'trust.1': 'Erklärt die Gründe für eigene Entscheidungen.',
    'trust.2': 'Hält Zusagen ein oder sagt frühzeitig Bescheid, wenn das nicht möglich ist.',
    'trust.3': 'Steht offen zu eigenen Fehlern.',
    'vision.1': 'Sagt, warum eine Aufgabe wichtig ist, bevor besprochen wird, wie sie zu erledigen ist.',
    'vision.2': 'Verbindet alltägliche Aufgaben mit den übergeordneten Zielen des Teams oder der Organisation.',
    'influence.1': 'Gewinnt Unterstützung für eine Idee, indem gezeigt wird, was sie den Beteiligten bringt.',
    'influence.2': 'Überzeugt mit Argumenten und gemeinsamen Werten statt mit Position oder Druck.',
    'influence.3': 'Lädt andere ein, einen Vorschlag mitzugestalten, sodass er auch zu ihrem wird.',
    'conversations.1': 'Gibt Informationen an die Menschen weiter, die sie brauchen, solange sie noch nützlich sind.',
    'conversations.2': 'Schließt eine Besprechung ab, indem festgehalten wird, was vereinbart ist und wer als Nächstes was tut.',
    'developing.1': 'Gibt konkretes Feedback, das anderen hilft, es beim nächsten Mal besser zu machen.',
    'developing.2': 'Gibt anderen die Gelegenheit, eine Aufgabe zu leiten oder etwas Neues auszuprobieren.',
    'developing.3': 'Teilt eigenes Wissen, sodass andere auch ohne diese Person zurechtkommen.',
    'self_leadership.1': 'Übernimmt Verantwortung, wenn etwas schiefgeht, statt anderen die Schuld zu geben.',
    'self_leadership.2': 'Hält unter Druck inne und reagiert ruhig, statt gereizt zu antworten.',
    'adaptability.1': 'Passt die eigene Art zu erklären oder zu arbeiten an das jeweilige Gegenüber an.',
    'adaptability.2': 'Passt Pläne ohne Aufhebens an, wenn sich Prioritäten ändern.',
    'organising.1': 'Teilt große Aufgaben in klare, überschaubare Schritte auf.',
    'organising.2': 'Macht klar, welche Aufgaben Vorrang haben und warum.',
    'resources.1': 'Hält Besprechungen kurz und fokussiert und achtet die Zeit der anderen.',
    'resources.2': 'Geht sorgsam mit Geld und Material um und bleibt im vereinbarten Budget.',
    'results.1': 'Setzt Ziele, bei denen klar ist, woran Erfolg gemessen wird.',
    'results.2': 'Verfolgt den Fortschritt nach und handelt früh, wenn Arbeit in Verzug gerät.',
    'results.3': 'Legt an alle denselben Maßstab an, wenn Zusagen nicht eingehalten werden.',
  },
  openQuestions: {
    keep_doing: { text: 'Was sollte diese Person beibehalten?', hint: 'Beschreiben Sie eine Situation, was die Person getan hat und welche Wirkung es hatte.' },
    greater_influence: {
      text: 'Was würde ihren Einfluss vergrößern?',
      hint: 'Schlagen Sie eine Sache vor, die sie anfangen oder anders machen könnte, und sagen Sie, wo es helfen würde.',
    },
    anything_else: {
      text: 'Möchten Sie ihr sonst noch etwas mitteilen?',
      hint: 'Bleiben Sie bei dem, was Sie die Person haben tun sehen, statt Vermutungen über ihren Charakter anzustellen.',
    },
  },
} as const;
