import { ApiProperty } from '@nestjs/swagger';

export class PersonRefDto {
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
}

export class DelegationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: PersonRefDto }) from!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto }) to!: PersonRefDto;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: 'JP' | 'CA';
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ format: 'date-time' }) until!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: PersonRefDto }) createdBy!: PersonRefDto;
}
