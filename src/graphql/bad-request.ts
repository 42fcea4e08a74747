import { GraphQLError } from 'graphql';

/** A refused GraphQL request: HTTP 400 with the reason (Apollo Server reads `extensions.http`). */
export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
