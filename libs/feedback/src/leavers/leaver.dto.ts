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
    description: 'As a subject of a running cycle: withdraw the open requests about them, or keep them to close normally',
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
