/** The answer of a nudge (apart from responses.ts, which the process view's DTOs import for the forecast). */
import { ApiProperty } from '@nestjs/swagger';
import { ActorRefDto, ProcessViewDto } from '../../processes/dto/process-view.response';

export class RemindedPersonDto {
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
  @ApiProperty() org!: string;
  @ApiProperty({ nullable: true, type: ActorRefDto }) onBehalfOf!: ActorRefDto | null;
}

export class RemindedDto {
  @ApiProperty() stepId!: string;
  @ApiProperty() stepTitle!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [RemindedPersonDto] }) people!: RemindedPersonDto[];
}

/** The answer of POST /processes/{id}/nudge: the view, and whom the reminders went to. */
export class NudgeResultDto extends ProcessViewDto {
  @ApiProperty({ type: [RemindedDto] }) reminded!: RemindedDto[];
}
