"""First names that tell a person's gender, so that "he" and "she" find the right person."""
from __future__ import annotations

# Common first names that news uses for one gender only; names given to either ("Jean", "Andrea", "Kim",
# "Robin", "Nicola", "Ashley") are left out, so a pronoun is never kept from a speaker on a guess.
FIRST_NAME_GENDER = {
    **dict.fromkeys("""James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Stephen Paul Andrew Kenneth Kevin Brian George Timothy Ronald Edward Jason
    Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
    Frank Patrick Raymond Jack Dennis Jerry Aaron Adam Nathan Henry Douglas Peter Walter Keith Roger Gerald
    Harold Sean Carl Arthur Lawrence Bruce Albert Alan Wayne Roy Vincent Ralph Russell Philip Louis Tony Gordon
    Ian Neil Colin Nigel Graham Simon Martin Ben Tom Tim Nick Mike Steve Dave Bob Jim Bill Ted Joe Ron Hugh Liam
    Gareth Owen Rhys Iain Kenny Geoff Alastair Malcolm Duncan Stuart Derek Trevor Clive Barry Greg Ken Dan
    Vladimir Dmitry Dmitri Sergei Sergey Volodymyr Oleksandr Andriy Dmytro Mykhailo Yevgeny Alexei Viktor Boris
    Emmanuel Olaf Recep Rishi Keir Narendra Jair Jens Andrzej Piotr Jacques Pierre Francois Nicolas Luis Carlos
    Pedro Javier Miguel Giuseppe Giorgio Mario Marco Hans Klaus Wolfgang Gerhard Helmut Arsene Rafael Roman
    Mohammed Muhammad Ahmed Hassan Ibrahim Omar Abdullah Karim Ali Xavier Thierry Didier Roberto Alessandro
    Lorenzo Silvio Jose Antoine Bernard Jeremy Rupert Hamish Craig Darren Glenn Howard Norman Leonard Stanley
    Hugo Felix Oscar Nikos Kostas Christos Dimitri Dimitris Giorgos Yannis Kyriakos Alexis Andreas Stefan Stefano
    Lars Sven Ahmad Mahmoud Mustafa Yusuf Hussein Khalid Tariq Rahul Amit Sanjay Hiroshi Takeshi Sameh
    Okey""".split(), "male"),
    **dict.fromkeys("""Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
    Margaret Sandra Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura
    Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Helen Samantha Katherine Christine Rachel Carolyn
    Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Lauren Christina Judith Megan
    Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Anne Sara Frances Kathryn Janice Alice Judy Sophia Sophie
    Grace Denise Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Charlotte Marie Jane Tessa Hazel Kate
    Lucy Sally Claire Clare Fiona Gillian Harriet Caroline Tina Hillary Kamala Ursula Giorgia Marine Liz Jacinda
    Sanna Kaja Annalena Mette Yulia Olena Iryna Natalia Olga Svetlana Tatiana Anastasia Ekaterina Elena Lyudmila
    Valentina Irina Paula Serena Venus Amelie Lindsay Martina Justine Ellen Ana Isabel Carmen Lucia Giulia
    Francesca Chiara Sylvie Monique Brigitte Ingrid Heidi Agnieszka Cate Patricia Margot Madeleine Condoleezza
    Nadia Leila Fatima Aisha Priya Indira Sonia Benazir Yvette Harriet Beverley Carrie Irene Oona Katerina
    Nadine Yvonne Gwyneth Nicole Chloe Zoe Ella Amelia Rosie Georgina Louise Joanna Lynne Marta Agnes Ewa
    Katarzyna Magdalena Carla Elisa Alessandra Federica Paola Silvia Malala Imelda""".split(), "female"),
}
