import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';
import { Practice } from '../practice/practice.type.js';
import { connectionOf } from '../shared/graphql.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An interviewed civil servant. Pseudonymous only: never a real name.' })
export class Employee extends Node {
  @Field(() => String, { description: 'A pseudonym: employees are never named.' }) pseudonym!: string;
  @Field(() => String, { nullable: true, description: 'E.g. wijkregisseur, gebiedsmakelaar.' }) role?: string | null;
  @Field(() => String, { nullable: true, description: 'The department the employee works in, when known.' }) department?: string | null;
}

export const EmployeeConnection = connectionOf(Employee, 'Employee');

@ObjectType({ description: 'An employee using a practice (the USES relationship), with the evidence for it.' })
export class PracticeUse {
  @Field(() => Employee, { description: 'The employee who uses the practice.' }) employee!: Employee;
  @Field(() => Practice, { description: 'The practice used.' }) practice!: Practice;
  @Field(() => String, { nullable: true, description: 'Quote or paraphrase from the interview.' }) evidence?: string | null;
  @Field(() => Boolean, { description: 'Made-up, illustrative data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}
