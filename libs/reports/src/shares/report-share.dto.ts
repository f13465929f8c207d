import { ApiProperty } from '@nestjs/swagger';

export class ReportShareDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ format: 'date-time' }) sharedAt: string;
}

export class ReportShareListDto {
  @ApiProperty({ type: [ReportShareDto], description: 'The colleagues who may read your report now' }) items: ReportShareDto[];
}
