import type { Page } from '@playwright/test';

/** The frame around every page: navigation, the office name, the language switcher, notices. */
export class AppShell {
  constructor(readonly page: Page) {}

  officeName() {
    return this.page.getByTestId('office-name');
  }

  /** The shown page's title (the case list stays mounted, hidden, while other pages show). */
  pageTitle() {
    return this.page.getByTestId('page-title').filter({ visible: true });
  }

  notice() {
    return this.page.getByTestId('notice');
  }

  async go(section: 'cases' | 'myWork' | 'teams' | 'documents' | 'reports' | 'exchange' | 'settings'): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  async switchLanguage(language: string): Promise<void> {
    await this.page.getByTestId('language-switcher').first().click();
    await this.page.getByTestId(`language-${language}`).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  }
}
