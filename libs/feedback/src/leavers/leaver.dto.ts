import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class DeactivatePersonDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Who the leaver's direct reports move to; by default the leaver's own manager" })
  @IsOptional()
  @IsUUID()
  reassignReportsTo?: string;

  @ApiPropertyOptional({
    enum: ['remove', 'keep'],
    default: 'keep',
    description:
      'As a subject of a draft or running cycle. remove: they leave those cycles (no report is made); unanswered requests about them are withdrawn and each rater is told; a started draft stays readable by its rater alone until the cycle closes, then is deleted. keep: they stay, and their report closes normally',
  })
  @IsOptional()
  @IsIn(['remove', 'keep'])
  subjectHandling?: 'remove' | 'keep';
}

export class DeactivationResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() active: boolean;
  @ApiProperty({
    description:
      "The leaver's requests in cycles still taking answers, answered or not: they stay as they are (reports count submitted answers only) and each subject is told the leaver has left",
  })
  withdrawnRequests: number;
  @ApiProperty({ description: 'Direct reports moved to another manager' }) reassignedReports: number;
}
