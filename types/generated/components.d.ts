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

export interface NewsCorrection extends Struct.ComponentSchema {
  collectionName: 'components_news_corrections';
  info: {
    description: 'A dated correction note on a published story (\u041F\u043E\u043F\u0440\u0430\u0432\u043A\u0430).';
    displayName: '\u041F\u043E\u043F\u0440\u0430\u0432\u043A\u0430';
    icon: 'pencil';
  };
  attributes: {
    date: Schema.Attribute.DateTime;
    note: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'author.link': AuthorLink;
      'news.correction': NewsCorrection;
    }
  }
}
