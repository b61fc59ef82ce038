/**
 * Quiz rules: a {@link io.playloop.games.quiz.QuestionBank}, the per-customer
 * {@link io.playloop.games.quiz.QuizSession} state machine (ask, answer, score, streak, daily limit) and
 * {@link io.playloop.games.quiz.OptionIds}, which signs the button and row ids so that a reply can be
 * trusted to answer a question PlayLoop actually sent to this customer.
 */
package io.playloop.games.quiz;
