/**
 * The queue's health, and the toolbar's bulk actions and pool controls.
 */
package com.intellivision.console.ui.queue;
