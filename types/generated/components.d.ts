import type { Schema, Struct } from '@strapi/strapi';

export interface AuthorLink extends Struct.ComponentSchema {
  collectionName: 'components_author_links';
  info: {
    description: 'A profile page of an author elsewhere (schema.org sameAs).';
    displayName: 'Link';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'author.link': AuthorLink;
    }
  }
}
