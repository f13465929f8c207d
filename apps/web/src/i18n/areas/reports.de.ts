import type { reportsEn } from './reports.en';

/** German messages for report pages and their parts, plans: features/reports (terminology: see de.ts). */
export const reportsDe: Record<keyof typeof reportsEn, string> = {
  'reports.howToRead': 'So lesen Sie das',
  'reports.notShown': 'nicht angezeigt',
  'reports.numbersBehindChart': 'Die Zahlen hinter dem Diagramm',
  'reports.measure': 'Kennzahl',
  'reports.behaviour': 'Verhalten',

  'reports.glance.allOthersMeta': 'Alle anderen · {n, plural, one {# bewertende Person} other {# Bewertende}} · Streuung {spread}',
  'reports.glance.self': 'Selbst: {value}',
  'reports.glance.sidewaysWho': 'aus Sicht der Peers',
  'reports.glance.downwardsWho': 'aus Sicht der Mitarbeitenden',
  'reports.glance.upwardsWho': 'aus Sicht der Führungskraft',
  'reports.glance.indicesHelp':
    'Jeder Index ist der Mittelwert seiner Verhaltensweisen, bewertet von allen außer {who, select, self {Ihnen} other {{name}}} („alle anderen“) auf der Skala von 1 bis 5, von „{low}“ bis „{high}“. Einfluss ist Führung, die jede und jeder zeigen kann, mit oder ohne Titel; Management heißt, Arbeit, Ressourcen und Ergebnisse zu organisieren.',
  'reports.glance.spreadHelp':
    'Die Streuung zeigt, wie einig sich die Bewertenden waren: Unter {agree} sind sie sich weitgehend einig, über {differ} gehen die Sichtweisen weit auseinander.',
  'reports.glance.profileNumbers': 'Einfluss {influence} · Management {management}',
  'reports.glance.profileNotShown': 'Nicht angezeigt: <hidden>{reason}</hidden>. Das Profil braucht beide Indizes, wie alle anderen sie bewertet haben.',
  'reports.glance.profileHelp':
    'Der Punkt zeigt {who, select, self {Ihre beiden Indizes} other {die beiden Indizes von {name}}}, wie alle anderen sie bewertet haben, in einer 2×2-Matrix; ein Index gilt ab {threshold} als hoch. Organisationen brauchen beides; die Stärksten können beides – sie führen und managen.',
  'reports.glance.profileHelpHidden':
    'Der Punkt zeigt {who, select, self {Ihre beiden Indizes} other {die beiden Indizes von {name}}}, wie alle anderen sie bewertet haben, in einer 2×2-Matrix. Organisationen brauchen beides; die Stärksten können beides – sie führen und managen.',
  'reports.glance.directionHelp':
    'Der Einflussindex aus Sicht jeder Gruppe: seitwärts bei den Peers, abwärts bei den Mitarbeitenden, aufwärts bei der Führungskraft. Führung ist Einfluss in alle Richtungen, nicht nur entlang der Berichtslinie nach unten. Eine Richtung fehlt, wenn die Gruppe zu klein ist, um allein gezeigt zu werden – so lassen sich keine einzelnen Bewertungen herauslesen.',
  'reports.glance.indicesByGroupText': 'Mittelwert, Zahl der Bewertenden (n) und Streuung je Gruppe der Bewertenden.',
  'reports.glance.indicesCaption': 'Einfluss- und Managementindex nach Gruppe der Bewertenden',
  'reports.glance.index': 'Index',

  'reports.quadrant.manager_leader': 'Führend und\nmanagend',
  'reports.quadrant.leader_without_title': 'Führung\nohne Titel',
  'reports.quadrant.manager': 'Managend',
  'reports.quadrant.emerging': 'Im Aufbau',
  'reports.quadrant.label':
    'Profil Management und Führung: {quadrant}. Einflussindex {influence}, Managementindex {management}; ein Index gilt ab {threshold} als hoch.',
  'reports.quadrant.labelHidden': 'Profil Management und Führung: nicht angezeigt.',
  'reports.quadrant.influenceAxis': 'Einfluss →',
  'reports.quadrant.managementAxis': 'Management →',

  'reports.summary.profileMeta': 'Einfluss {influence} · Management {management} (alle anderen)',
  'reports.summary.notShown': 'Nicht angezeigt: {reason}.',
  'reports.summary.noStrongest': 'Für kein Verhalten darf ein Wert aller anderen gezeigt werden.',
  'reports.summary.noWeakest': 'Zu wenige angezeigte Verhaltensweisen, um sie zu unterscheiden.',
  'reports.summary.blindSpotMeta': '{who, select, self {Sie} other {{name}}} {self} · alle anderen {others} · Abstand {gap}',
  'reports.summary.noBlindSpot':
    'Keine Aussage, bei der {who, select, self {Ihre Selbsteinschätzung} other {die Selbsteinschätzung von {name}}} einen Punkt oder mehr über allen anderen liegt.',
  'reports.summary.mostLeadership': 'Am meisten Führung sehen {groups}',
  'reports.summary.noDirection': 'Keine Gruppe ist groß genug, um allein gezeigt zu werden.',
  'reports.summary.influenceChange': 'Einfluss {delta}',
  'reports.summary.influenceNotComparable': 'Einfluss nicht vergleichbar',
  'reports.summary.managementChange': 'Management {delta}',
  'reports.summary.managementNotComparable': 'Management nicht vergleichbar',
  'reports.summary.against': 'Gegenüber {previous}',
  'reports.summary.mostUp': '; größter Anstieg: {name} {delta}',
  'reports.summary.mostDown': '; größter Rückgang: {name} {delta}',
  'reports.summary.theEarlierCycle': 'der vorigen Feedbackrunde',
  'reports.summary.noEarlier': 'Keine frühere Feedbackrunde mit diesem Kompetenzmodell zum Vergleich.',
  'reports.summary.noEarlierHere': 'Hier keine frühere Feedbackrunde mit diesem Kompetenzmodell zum Vergleich.',

  'reports.direction.sideways': 'Seitwärts',
  'reports.direction.downwards': 'Abwärts',
  'reports.direction.upwards': 'Aufwärts',
  'reports.direction.sidewaysWords': 'die Peers (seitwärts)',
  'reports.direction.downwardsWords': 'die Mitarbeitenden (abwärts)',
  'reports.direction.upwardsWords': 'die Führungskraft (aufwärts)',
  'reports.direction.sidewaysGroup': 'Peers',
  'reports.direction.downwardsGroup': 'Mitarbeitende',
  'reports.direction.upwardsGroup': 'die Führungskraft',
  'reports.direction.together': '{groups} gemeinsam',
  'reports.direction.pooledWho': 'aus gemeinsamer Sicht von {groups}',

  'reports.pooling.note':
    'Die Antworten {who, select, self {Ihrer} other {der}} {groups}{who, select, self {} other { von {name}}} werden zusammen als eine Gruppe gezeigt ({count, plural, one {# Person} other {# Personen}}), weil eine Gruppe mit weniger als {k} anonymen Antworten nie für sich allein gezeigt wird.',
  'reports.pooling.self': 'eigenen Einschätzung',
  'reports.pooling.manager': 'Führungskraft',
  'reports.pooling.peer': 'Peers',
  'reports.pooling.direct_report': 'Mitarbeitenden',
  'reports.pooling.external': 'externen Bewertenden',
  'reports.pooling.other': 'weiteren Kolleginnen und Kollegen',
  'reports.seenBy.self': 'Selbsteinschätzung',
  'reports.seenBy.manager': 'Führungskraft',
  'reports.seenBy.peer': 'Peers',
  'reports.seenBy.direct_report': 'Mitarbeitenden',
  'reports.seenBy.external': 'externen Bewertenden',
  'reports.seenBy.other': 'weiteren Kolleginnen und Kollegen',

  'reports.behaviours.influence': 'Einfluss',
  'reports.behaviours.management': 'Management',
  'reports.behaviours.caption': '{name}: das Verhalten und jede Aussage nach Gruppe der Bewertenden',
  'reports.behaviours.statement': 'Aussage',
  'reports.behaviours.overall': '{name}, insgesamt',
  'reports.behaviours.chartCaption':
    'Der Mittelwert jedes Verhaltens je Gruppe der Bewertenden auf der Skala von 1 bis 5 ({points}). Fehlt einer Gruppe bei einem Verhalten der Balken, darf dort kein Wert gezeigt werden; die Tabellen darunter sagen, warum.',
  'reports.behaviours.meanHelp':
    '<strong>Mittelwert</strong>: der Durchschnitt der Bewertungen, wobei 1 für „{low}“ und 5 für „{high}“ steht. „{notObserved}“ zählt nie als Wert.',
  'reports.behaviours.missingHelp':
    '<strong>Warum manche Zahlen fehlen</strong>: Ripple sichert allen Bewertenden Anonymität zu. Der Wert einer Gruppe erscheint nur, wenn mindestens {k} Personen genau diese Aussage beantwortet haben; kleinere Gruppen werden unter „Weitere“ zusammengefasst, sofern diese Gruppe groß genug ist, und ein Wert, aus dem sich eine kleinere Gruppe herausrechnen ließe, wird ebenfalls ausgeblendet. {who, select, self {Ihre} other {Die}} Selbsteinschätzung wird immer gezeigt{manager, select, shown {, ebenso die der Führungskraft – sie ist eine bekannte Person} other {}}.',
  'reports.behaviours.cellHelp':
    'Jede Zelle zeigt den <strong>Mittelwert</strong>, dann <strong>n</strong> – aus wie vielen Personen die Zahl gebildet ist – und die <strong>Streuung</strong> (Standardabweichung): Unter {agree} sind sich die Bewertenden weitgehend einig, über {differ} gehen die Sichtweisen weit auseinander – das ist ein Gespräch wert. Ist ein Wert ausgeblendet, zeigt die Zelle „–“, und der Hinweis unter der Tabelle nennt einmal je Gruppe den Grund, nie die Zahl der Antworten.',
  'reports.behaviours.collapseAll': 'Alle Verhaltensweisen zuklappen',
  'reports.behaviours.expandAll': 'Alle Verhaltensweisen aufklappen',

  'reports.chart.nothing': 'Für kein Verhalten darf ein Wert gezeigt werden, daher gibt es nichts darzustellen.',
  'reports.chart.legend': 'Gruppen der Bewertenden im Diagramm',
  'reports.chart.tableCaption': 'Mittelwerte der Verhaltensweisen nach Gruppe der Bewertenden',

  'reports.table.dropped': '{column}: hier nicht angezeigt – {reason}.',
  'reports.table.where': '{column}, wo „–“: {reasons}.',
  'reports.table.notShownLabel': 'Nicht angezeigte Werte',

  'reports.highlights.you': 'Sie',
  'reports.highlights.self': 'Selbst',
  'reports.highlights.gapNumbers': '{label} {self} · alle anderen {others} · Abstand {gap}',
  'reports.highlights.highestText': 'Die Aussagen, die alle anderen am höchsten bewertet haben.',
  'reports.highlights.lowestText': 'Die Aussagen, die alle anderen am niedrigsten bewertet haben – die niedrigste zuerst.',
  'reports.highlights.tooFew': 'Es dürfen zu wenige Werte gezeigt werden, um Aussagen zu reihen.',
  'reports.highlights.rankHelp':
    'Gereiht nach dem Mittelwert aller außer {who, select, self {Ihnen} other {{name}}} auf der Skala von 1 bis 5. Ein niedriger Wert zeigt, wo Sie wachsen können, und ist kein Urteil: Schauen Sie auf die Kommentare und die Streuung dahinter.',
  'reports.highlights.allOthers': 'Alle anderen',
  'reports.highlights.blindSpotText':
    '{who, select, self {Ihre Selbsteinschätzung} other {Die Selbsteinschätzung von {name}}} liegt mindestens einen Punkt über dem, was alle anderen vergeben haben.',
  'reports.highlights.hiddenStrengthText':
    '{who, select, self {Ihre Selbsteinschätzung} other {Die Selbsteinschätzung von {name}}} liegt mindestens einen Punkt unter dem, was alle anderen vergeben haben.',
  'reports.highlights.noBlindSpots': 'Keine: Keine Selbsteinschätzung liegt einen Punkt oder mehr über der der anderen.',
  'reports.highlights.noHiddenStrengths': 'Keine: Keine Selbsteinschätzung liegt einen Punkt oder mehr unter der der anderen.',
  'reports.highlights.gapHelp':
    'Ein blinder Fleck ist ein Verhalten, das {who, select, self {Sie} other {{name}}} bei sich häufiger {who, select, self {sehen} other {sieht}} als die Kolleginnen und Kollegen; eine verborgene Stärke eines, das die Kolleginnen und Kollegen häufiger sehen, als {who, select, self {Sie es sich zutrauen} other {{name} es sich zutraut}}. Beides ist ein guter Ausgangspunkt für ein Gespräch.',

  'reports.comments.help':
    'In den eigenen Worten der Kolleginnen und Kollegen. Kommentare werden nie zugeordnet und erscheinen in einer Reihenfolge, die nichts damit zu tun hat, wer sie wann geschrieben hat; die Kommentare einer Gruppe erscheinen nur dort, wo auch ihre Werte erscheinen dürfen.',
  'reports.comments.noQuestions': 'Dieser Fragebogen hatte keine offenen Fragen.',
  'reports.comments.none': 'Keine Kommentare.',
  'reports.comments.ownAnswer': '{who, select, self {Ihre eigene Antwort} other {Eigene Antwort von {name}}}',

  'reports.trend.notInEarlier': 'Nicht im früheren Bericht',
  'reports.trend.notShownNow': 'Jetzt nicht angezeigt',
  'reports.trend.before': 'Vorher',
  'reports.trend.change': 'Veränderung',
  'reports.trend.noEarlier':
    'Keine frühere Feedbackrunde mit demselben Kompetenzmodell zum Vergleich. Ab {who, select, self {Ihrer} other {der}} nächsten Feedbackrunde{who, select, self {} other { von {name}}} zeigt sich hier, wie sich {who, select, self {Ihre Werte} other {die Werte von {name}}} entwickeln.',
  'reports.trend.comparedWith': 'Verglichen mit {previous}',
  'reports.trend.closed': ' · abgeschlossen am {date}',
  'reports.trend.caption': 'Verlauf seit {previous}, bewertet von allen anderen',
  'reports.trend.help':
    'Mittelwerte aller anderen damals und heute, mit demselben Kompetenzmodell. Eine kleine Veränderung kann auch von einer anderen Zusammensetzung der Bewertenden kommen statt von einer echten Entwicklung. Fehlt einer Kennzahl auf einer Seite der Wert, wurde er dort zum Schutz der Anonymität ausgeblendet.',
  'reports.trend.chartCaption':
    'Mittelwerte aller anderen in jeder Feedbackrunde mit diesem Kompetenzmodell{since, select, none {} other {, seit {since}}}. Eine Lücke in einer Linie ist ein Wert, den der Bericht dieser Feedbackrunde nicht gezeigt hat.',
  'reports.trend.chartDescription':
    'Von {first} bis {last}: Einfluss von {influenceFrom} auf {influenceTo}, Management von {managementFrom} auf {managementTo}.',
  'reports.trend.behaviourOnChart': 'Verhalten im Diagramm',
  'reports.trend.tableCaption': 'Mittelwerte aller anderen je Feedbackrunde, älteste zuerst',

  'reports.followership.named':
    '{count, plural, one {# Person} other {# Kolleginnen und Kollegen}} außerhalb {who, select, self {Ihrer Berichtslinie} other {der Berichtslinie von {name}}} {count, plural, one {nennt} other {nennen}} {who, select, self {Sie} other {{name}}} als Ansprechperson für Rat oder Unterstützung.',
  'reports.followership.tooFew':
    'Wie viele Kolleginnen und Kollegen {who, select, self {Sie} other {{name}}} als Ansprechperson nennen, wird nur gezeigt, wenn es mindestens {k} sind – und nie, wer.',
  'reports.followership.label': 'Gefolgschaft und Entwicklungsplan',
  'reports.followership.makePlan': 'Plan erstellen',
  'reports.followership.planHint': 'Wählen Sie ein bis drei Verhaltensweisen, die Sie entwickeln möchten; Ihr Bericht schlägt vor, wo Sie anfangen können.',

  'reports.list.released': 'Freigegeben',
  'reports.list.releasedOn': 'Freigegeben am {date}',
  'reports.list.notReleased': 'Noch nicht freigegeben',
  'reports.list.closedOn': 'Abgeschlossen am {date}',
  'reports.list.closed': 'Abgeschlossen',
  'reports.list.cannotSeeYet': '{closed} · {name} sieht ihn erst, wenn HR ihn freigibt',
  'reports.list.open': 'Bericht öffnen<hidden> für {cycle}</hidden>',
  'reports.list.openOther': 'Öffnen<hidden>: Bericht von {name} für {cycle}</hidden>',
  'reports.list.description': 'Ihre 360°-Feedbackberichte und die der Personen, die Sie führen, sofern deren Feedbackrunde es Ihnen erlaubt.',
  'reports.list.team': 'Ihr Team auf einen Blick',
  'reports.list.sharedPlans': 'Mit Ihnen geteilte Pläne',
  'reports.list.loading': 'Ihre Berichte werden geladen …',
  'reports.list.loadFailed': 'Ihre Berichte konnten nicht geladen werden',
  'reports.list.none': 'Noch keine Berichte',
  'reports.list.goToCycles': 'Zu den Feedbackrunden',
  'reports.list.noneText':
    'Ihr Bericht erscheint hier, sobald eine Feedbackrunde, in der Sie Feedback erhalten haben, abgeschlossen ist und HR die Berichte freigegeben hat. Wenn Sie Personen führen, erscheinen deren Berichte ebenfalls hier, soweit die Einstellungen der Feedbackrunde es erlauben.',
  'reports.list.hrNote': 'Als HR können Sie jeden Bericht einer abgeschlossenen Feedbackrunde über den Reiter „Feedbacknehmende“ der Feedbackrunde öffnen.',
  'reports.list.anonymityNote': 'Berichte zeigen Durchschnittswerte von Gruppen und Kommentare ohne Namen – keine einzelnen Antworten.',
  'reports.list.yours': 'Ihre Berichte',
  'reports.list.noneOwn': 'Noch keiner freigegeben. Ihr Bericht erscheint hier, wenn HR eine Feedbackrunde freigibt, in der Sie Feedback erhalten haben.',
  'reports.list.shared': 'Mit Ihnen geteilt',
  'reports.list.sharedText':
    'Berichte zu Feedback, das Kolleginnen und Kollegen selbst eingeholt haben – mit Ihnen geteilt, bis sie die Freigabe zurücknehmen.',
  'reports.list.teams': 'Berichte Ihres Teams',
  'reports.list.teamsText': 'Die Personen, die Ihnen beim Start der jeweiligen Feedbackrunde unterstellt waren.',

  'reports.ratedAnonymously':
    'Sie haben zu diesem Bericht anonym Feedback gegeben und können ihn deshalb nicht lesen – so bleiben die Antworten aller Bewertenden anonym.',

  'reports.plan.reasonLowest': 'Gehört zu den am niedrigsten bewerteten in Ihrem Bericht',
  'reports.plan.reasonBlindSpot': 'Ein blinder Fleck: Sie haben „{statement}“ höher bewertet als Ihre Kolleginnen und Kollegen',
  'reports.plan.reasonLagging': 'Ihr Einfluss kommt am wenigsten an: {directions}',
  'reports.plan.withPeers': 'bei den Peers',
  'reports.plan.withDirectReports': 'bei Ihren Mitarbeitenden',
  'reports.plan.withManager': 'bei Ihrer Führungskraft',
  'reports.plan.loading': 'Ihr Plan wird geladen …',
  'reports.plan.loadFailed': 'Ihr Plan konnte nicht geladen werden',
  'reports.plan.title': 'Ihr Entwicklungsplan',
  'reports.plan.description':
    'Aus Ihrem Bericht in {cycle}. Der Plan gehört Ihnen: Niemand sonst liest ihn, es sei denn, Sie teilen ihn mit Ihrer Führungskraft.',
  'reports.plan.suggests': 'Was Ihr Bericht vorschlägt',
  'reports.plan.suggestsText': 'Vorschläge aus den Werten, die Ihr Bericht zeigt. Wählen Sie einen davon oder ein beliebiges Verhalten des Kompetenzmodells.',
  'reports.plan.noSuggestions':
    'Ihr Bericht zeigt zu wenige Bewertungen von Kolleginnen und Kollegen, um etwas vorzuschlagen; wählen Sie unten aus allen Verhaltensweisen.',
  'reports.plan.inPlan': 'In Ihrem Plan',
  'reports.plan.add': 'Zum Plan hinzufügen',
  'reports.plan.addLabel': '{action}: {name}',
  'reports.plan.yours': 'Ihr Plan',
  'reports.plan.yoursText': 'Ein bis {max} Verhaltensweisen: was Sie anders machen werden und woran Sie merken, dass es wirkt.',
  'reports.plan.nothing': 'Noch nichts ausgewählt.',
  'reports.plan.behaviourN': 'Verhalten {n}',
  'reports.plan.choose': 'Verhalten auswählen',
  'reports.plan.action': 'Was werden Sie anders machen?',
  'reports.plan.evidence': 'Woran werden Sie merken, dass es wirkt?',
  'reports.plan.remove': 'Verhalten {n} entfernen',
  'reports.plan.addBehaviour': 'Verhalten hinzufügen',
  'reports.plan.saving': 'Wird gespeichert …',
  'reports.plan.save': 'Plan speichern',
  'reports.plan.saveFailed': 'Der Plan konnte nicht gespeichert werden',
  'reports.plan.saved': 'Plan gespeichert',
  'reports.plan.onlyYou': 'Nur Sie können ihn lesen.',
  'reports.plan.onlyYouShared': 'Nur Sie können ihn lesen – und {name}, mit der oder dem Sie ihn geteilt haben.',
  'reports.plan.saveFirst': 'Speichern Sie zuerst Ihren Plan; dann können Sie ihn mit Ihrer Führungskraft teilen.',
  'reports.plan.sharedWith':
    '{date, select, none {Geteilt} other {Am {date} geteilt}} mit <strong>{name}</strong>. Sie oder er sieht Ihren Plan und einen kurzen Leitfaden mit Fragen für Ihr Gespräch – nicht Ihren Bericht.',
  'reports.plan.withdraw': 'Freigabe zurücknehmen',
  'reports.plan.shareText':
    'Teilen Sie den Plan für Ihr Auswertungsgespräch mit <strong>{name}</strong>, Ihrer Führungskraft. Sie oder er sieht die gewählten Verhaltensweisen und Ihre Notizen, dazu Fragen an Sie. Sie können die Freigabe jederzeit zurücknehmen; sie endet auch, wenn Ihre Führungskraft wechselt.',
  'reports.plan.shareWith': 'Mit {name} teilen',
  'reports.plan.noManager': 'Sie haben in Ripple keine Führungskraft, mit der Sie den Plan teilen könnten.',
  'reports.plan.share': 'Mit Ihrer Führungskraft teilen',
  'reports.plan.shareFailed': 'Die Freigabe konnte nicht geändert werden',

  'reports.pulse.scheduled': 'Pulsbefragung angefragt',
  'reports.pulse.collecting': 'Antworten werden gesammelt',
  'reports.pulse.computing': 'Abgeschlossen',
  'reports.pulse.ready': 'Vorher–nachher bereit',
  'reports.pulse.notStarted': 'Konnte nicht starten',
  'reports.pulse.saveFirst': 'Speichern Sie zuerst Ihren Plan; dann können Sie eine Pulsbefragung zu seinen Verhaltensweisen anfragen.',
  'reports.pulse.loading': 'Ihre Pulsbefragung wird geladen …',
  'reports.pulse.loadFailed': 'Ihre Pulsbefragung konnte nicht geladen werden',
  'reports.pulse.title': 'Pulsbefragung zur Nachverfolgung',
  'reports.pulse.description':
    'Fragen Sie einige Wochen später die Kolleginnen und Kollegen, die Sie bewertet haben (und alle, die Sie hinzufügen), nur nach diesen Verhaltensweisen – und vergleichen Sie vorher und nachher.',
  'reports.pulse.weeks': 'Wochen nach Ihrem Bericht',
  'reports.pulse.weeksRange': '{min} bis {max} Wochen.',
  'reports.pulse.atOnce': 'Diese Wochen sind vorbei: Die Pulsbefragung startet, sobald Sie sie anfragen.',
  'reports.pulse.startsOn': 'Die Pulsbefragung startet am {date}.',
  'reports.pulse.addPeople': 'Weitere Kolleginnen und Kollegen (optional)',
  'reports.pulse.addPeopleHint':
    'Wer Sie beim letzten Mal bewertet hat und noch da ist, wird wieder gefragt – Sie erfahren nie, wer das ist oder wer geantwortet hat. Sie können bis zu {max} weitere Personen hinzufügen; wer schon viele offene Anfragen hat, kann nicht hinzugefügt werden. Die Pulsbefragung braucht mindestens {k} Kolleginnen und Kollegen.',
  'reports.pulse.search': 'Kolleginnen und Kollegen suchen',
  'reports.pulse.sameRules':
    'Dieselbe Skala und dieselbe Anonymität: Ein Wert wird nur gezeigt, wenn mindestens {k} Kolleginnen und Kollegen geantwortet haben – in Ihrem Bericht wie in der Pulsbefragung.',
  'reports.pulse.asking': 'Wird angefragt …',
  'reports.pulse.ask': 'Pulsbefragung anfragen',
  'reports.pulse.askFailed': 'Die Pulsbefragung konnte nicht angefragt werden',
  'reports.pulse.about': 'Zu {behaviours}.',
  'reports.pulse.aboutAdded': 'Zu {behaviours}, mit {count, plural, one {# Person} other {# Kolleginnen und Kollegen}}, die Sie hinzugefügt haben.',
  'reports.pulse.startsAt': 'Sie startet am {date}; dann werden Ihre Kolleginnen und Kollegen gefragt.',
  'reports.pulse.couldNotStart': 'Die Pulsbefragung konnte nicht starten',
  'reports.pulse.failure.too_few_raters':
    'Eine Pulsbefragung braucht mindestens {k} Bewertende, die noch gefragt werden können; zum geplanten Start waren es weniger, daher wurde niemand gefragt.',
  'reports.pulse.failure.no_longer_member': 'Sie können in dieser Organisation kein Feedback mehr anfragen.',
  'reports.pulse.failure.cannot_start': 'Zum geplanten Start konnten die gewählten Personen nicht mehr gefragt werden, daher wurde niemand gefragt.',
  'reports.pulse.answering':
    'Ihre Kolleginnen und Kollegen antworten gerade. Schließen Sie die Befragung, wenn Sie vergleichen möchten; nach zwei Wochen schließt sie von selbst.',
  'reports.pulse.close': 'Pulsbefragung schließen und vergleichen',
  'reports.pulse.closeFailed': 'Die Pulsbefragung konnte nicht geschlossen werden',
  'reports.pulse.computingText': 'Die Befragung ist beendet; der Vorher-nachher-Vergleich wird berechnet. Schauen Sie in einer Minute wieder vorbei.',
  'reports.pulse.thenVsNow': 'Vorher und nachher',

  'reports.compare.notShown':
    'Nicht angezeigt: Ihr Bericht oder die Pulsbefragung hatte dazu zu wenige Antworten von Kolleginnen und Kollegen, um einen Wert zu zeigen; beides lässt sich daher nicht vergleichen.',
  'reports.compare.higher': ' jetzt höher',
  'reports.compare.lower': ' jetzt niedriger',
  'reports.compare.same': ' unverändert',
  'reports.compare.caption': 'Vorher und nachher: der Mittelwert Ihrer Kolleginnen und Kollegen für jedes Verhalten Ihres Plans',
  'reports.compare.then': 'Vorher',
  'reports.compare.now': 'Nachher',
  'reports.compare.total': 'Über die Verhaltensweisen, die beide Male gezeigt wurden',

  'reports.shared.scheduled': 'Eine Pulsbefragung zu diesen Verhaltensweisen ist angefragt und hat noch nicht begonnen.',
  'reports.shared.collecting': 'Eine Pulsbefragung zu diesen Verhaltensweisen sammelt gerade Antworten.',
  'reports.shared.computing': 'Eine Pulsbefragung zu diesen Verhaltensweisen ist abgeschlossen; der Vorher-nachher-Vergleich wird berechnet.',
  'reports.shared.ready': 'Die Pulsbefragung ist abgeschlossen, kann Ihnen aber nicht gezeigt werden: Sie haben darin oder im Bericht anonym bewertet.',
  'reports.shared.notStarted': 'Eine Pulsbefragung wurde angefragt, konnte aber nicht starten.',
  'reports.shared.description':
    'Entwicklungspläne, die Ihre Mitarbeitenden mit Ihnen teilen, mit einem kurzen Leitfaden für Ihr Gespräch: Fragen statt Urteile.',
  'reports.shared.loading': 'Geteilte Pläne werden geladen …',
  'reports.shared.loadFailed': 'Die geteilten Pläne konnten nicht geladen werden',
  'reports.shared.none': 'Keine mit Ihnen geteilten Pläne',
  'reports.shared.noneText':
    'Wenn jemand aus Ihrem Team den Plan teilt, den sie oder er aus dem eigenen Bericht erstellt hat, erscheint er hier. Die Freigabe endet, wenn sie zurückgenommen wird oder sich Ihre Berichtslinie ändert.',
  'reports.shared.sharedOn': 'Geteilt am {date}',
  'reports.shared.plansOf': 'Plan von {name}',
  'reports.shared.theirPlan': 'Der Plan',
  'reports.shared.willDo': 'Wird anders machen',
  'reports.shared.willKnow': 'Merkt, dass es wirkt, wenn',
  'reports.shared.guide': 'Gesprächsleitfaden',

  'reports.difference.halfBelow': 'einen halben Punkt oder mehr darunter',
  'reports.difference.quarterBelow': 'einen Viertel- bis halben Punkt darunter',
  'reports.difference.littleBelow': 'etwas darunter',
  'reports.difference.same': 'etwa gleich',
  'reports.difference.littleAbove': 'etwas darüber',
  'reports.difference.quarterAbove': 'einen Viertel- bis halben Punkt darüber',
  'reports.difference.halfAbove': 'einen halben Punkt oder mehr darüber',
};
