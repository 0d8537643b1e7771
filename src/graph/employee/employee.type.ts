import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Practice } from '../practice/practice.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An interviewed civil servant. Pseudonymous only: never a real name.' })
export class Employee extends Node {
  @Field(() => String) pseudonym!: string;
  @Field(() => String, { nullable: true, description: 'E.g. wijkregisseur, gebiedsmakelaar.' }) role?: string | null;
  @Field(() => String, { nullable: true }) department?: string | null;
}

export const EmployeeConnection = connectionOf(Employee, 'Employee');

@ObjectType({ description: 'An employee using a practice (the USES relationship), with the evidence for it.' })
export class PracticeUse {
  @Field(() => Employee) employee!: Employee;
  @Field(() => Practice) practice!: Practice;
  @Field(() => String, { nullable: true, description: 'Quote or paraphrase from the interview.' }) evidence?: string | null;
}
