import { ApiProperty } from '@nestjs/swagger';
import { CYCLE_STATES, type CycleState, type FeedbackRelationship } from './domain';
import { RequestCountsDto } from './cycle-subject.dto';

export class RelationshipProgressDto extends RequestCountsDto {
  @ApiProperty({ enum: ['self', 'manager', 'peer', 'direct_report', 'other'] }) relationship: FeedbackRelationship;
}

export class DepartmentProgressDto extends RequestCountsDto {
  @ApiProperty({ type: String, nullable: true, description: "The subjects' department, frozen at launch" }) department: string | null;
}

export const PROGRESS_HIDDEN_DESCRIPTION =
  "The viewer's own row: like any subject they never learn which of their raters have answered, so their raters' requests in progress and submitted count as not started (asked), here and in every total (their own self-review is theirs to know)";

export class SubjectProgressDto extends RequestCountsDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ description: PROGRESS_HIDDEN_DESCRIPTION }) progressHidden: boolean;
}

export class PendingRaterDto {
  @ApiProperty({ format: 'uuid' }) raterId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ description: 'Requests not started' }) notStarted: number;
  @ApiProperty({ description: 'Requests with a draft' }) inProgress: number;
}

export class PendingRatersDto {
  @ApiProperty({
    description: "Raters with at least one open request (requests about the viewer are left out, so the viewer's own raters are never singled out)",
  })
  total: number;
  @ApiProperty({ type: [PendingRaterDto], description: 'Most open requests first, at most 500' }) items: PendingRaterDto[];
}

export class SubjectShortOfPeersDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: "The subject's department, frozen at launch" }) department: string | null;
  @ApiProperty({
    description:
      'Live peer requests (proposed, open, in progress or submitted alike; declined and rejected ones do not count): the number the subject sees on their own requests page',
  })
  peers: number;
  @ApiProperty({ description: 'Peers still needed to reach minPeers' }) missing: number;
}

export class PeerShortfallDto {
  @ApiProperty({ description: "The cycle's minimum of peers per subject (0 when the cycle collects no peer feedback)" }) minPeers: number;
  @ApiProperty({ description: "The cycle's maximum of peers per subject" }) maxPeers: number;
  @ApiProperty({ type: [SubjectShortOfPeersDto], description: 'Active subjects with fewer peers than minPeers, by name' })
  subjects: SubjectShortOfPeersDto[];
}

/**
 * HR's view of a running cycle. When the viewer is a subject of the cycle, their own requests are
 * counted as a subject sees them (see SubjectProgressDto.progressHidden) in every breakdown, and
 * left out of pendingRaters.
 */
export class CycleProgressDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ enum: CYCLE_STATES }) state: CycleState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDeadline: string | null;
  @ApiProperty({ type: RequestCountsDto }) overall: RequestCountsDto;
  @ApiProperty({ type: [RelationshipProgressDto] }) byRelationship: RelationshipProgressDto[];
  @ApiProperty({ type: [DepartmentProgressDto] }) byDepartment: DepartmentProgressDto[];
  @ApiProperty({ type: [SubjectProgressDto], description: 'Every subject, by name' }) bySubject: SubjectProgressDto[];
  @ApiProperty({ type: PendingRatersDto, description: 'Who has not answered yet (HR only)' }) pendingRaters: PendingRatersDto;
  @ApiProperty({ type: PeerShortfallDto, description: 'Subjects short of peers, for HR to follow up or add peers for' }) peerShortfall: PeerShortfallDto;
}

export class RemindersQueuedDto {
  @ApiProperty({ description: "Part of each mail's dedupe key, e.g. manual:2026-03-01T09:30" }) slot: string;
  @ApiProperty({ description: 'Raters with open requests who will be reminded (counted as in pendingRaters: requests about the viewer are left out)' })
  raterCount: number;
}

export class ReminderRecipientDto {
  @ApiProperty({ format: 'uuid' }) raterId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ description: 'Open requests the reminder lists' }) openRequests: number;
}

export class ReminderPreviewDto {
  @ApiProperty({ description: 'Whether the cycle takes answers, so that reminders can go out at all' }) running: boolean;
  @ApiProperty({
    description: 'Raters a reminder would go to now (active, already invited, with open requests; requests about the viewer are left out, as in pendingRaters)',
  })
  raterCount: number;
  @ApiProperty({ type: [ReminderRecipientDto], description: 'Most open requests first, at most 100' }) raters: ReminderRecipientDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When reminders were last sent by hand' }) lastSentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until when another manual reminder is refused (429); null: allowed now' })
  nextAllowedAt: string | null;
}
